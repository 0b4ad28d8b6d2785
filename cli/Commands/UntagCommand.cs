using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>untag IMAGE [NAME...]</c>: drop names, every name when none is given.</summary>
public static class UntagCommand
{
    public static Command Create(CliContext context)
    {
        var image = One("IMAGE");
        var names = Names("NAME");
        return new Command("untag", "Remove one or more names from a locally-stored image")
            .With(image, names)
            .WithAction(context, "untag", async (r, cancellationToken) =>
            {
                await context.Images.UntagAsync(r.GetValue(image)!, r.GetValue(names)!, cancellationToken);
                return ExitCodes.Success;
            });
    }
}
