using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Images;
using Modular.Engine.Images.Transports;
using Modular.Engine.Registry;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>push SOURCE [DESTINATION]</c>: a registry destination (docker://, the default
/// transport) goes to <see cref="ImagePusher"/>; any other transport to the image transports.
/// </summary>
public static class PushCommand
{
    public static Command Create(CliContext context, string name)
    {
        var flags = new PushFlags();
        var source = One("IMAGE");
        var destination = new Argument<string?>("DESTINATION") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(name, "Copy a stored image to a registry or another transport")
            .With([.. flags.All, source, destination]);
        return command.WithAction(context, "push", async (r, cancellationToken) =>
        {
            var from = r.GetValue(source)!;
            var to = r.GetValue(destination) ?? from;
            var target = TransportReference.ParseOrRegistry(to);

            // Podman finds an unwritable --digestfile only after the push; the same words
            // before any upload spare the registry a push the user sees as failed.
            if (r.GetValue(flags.DigestFile) is { Length: > 0 } digestFile)
            {
                Engine.Files.OutputFile.EnsureCreatable(digestFile, "");
            }

            string? digest = null;
            if (target.Kind == TransportKind.Docker)
            {
                var options = flags.ToPushOptions(r, context.Error);
                var pusher = context.Services.GetRequiredService<IImagePusher>();
                digest = await pusher.PushAsync(from, target.Name!, options, cancellationToken);
            }
            else
            {
                var transports = context.Services.GetRequiredService<IImageTransports>();
                await transports.ExportAsync(from, target, flags.ToExportOptions(r, context.Error), cancellationToken);
            }

            if (r.GetValue(flags.DigestFile) is { } file)
            {
                // Podman writes the digest without a newline.
                await Engine.Files.OutputFile.WriteTextAsync(
                    file, digest ?? throw new UsageException("--digestfile is only supported for registry destinations"),
                    cancellationToken);
            }

            return ExitCodes.Success;
        });
    }
}
