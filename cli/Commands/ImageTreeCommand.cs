using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Management;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>image tree</c>: an image's layer hierarchy.</summary>
public static class ImageTreeCommand
{
    public static Command Create(CliContext context)
    {
        var whatRequires = Switch("--whatrequires", "Show all child images and layers of the specified image");
        var image = One("IMAGE");
        return new Command("tree", "Print layer hierarchy of an image in a tree format").With(whatRequires, image)
            .WithAction(context, "image tree", async (r, cancellationToken) =>
            {
                var renderer = context.Services.GetRequiredService<IImageTreeRenderer>();
                var tree = await renderer.RenderAsync(r.GetValue(image)!, r.GetValue(whatRequires), cancellationToken);
                context.Out.WriteLine(tree);
                return ExitCodes.Success;
            });
    }
}
