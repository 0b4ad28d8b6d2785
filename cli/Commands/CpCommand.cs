using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Containers.Copy;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>cp [CONTAINER:]SRC [CONTAINER:]DEST</c>, either side "-" for a tar stream.</summary>
public static class CpCommand
{
    public static Command Create(CliContext context)
    {
        var archive = new Option<bool>("--archive", "-a")
        {
            Description = "Chown copied files to the primary uid/gid of the destination container.",
            DefaultValueFactory = _ => true,
        };
        var overwrite = Switch("--overwrite", "Allow to overwrite directories with non-directories and vice versa");

        // Podman keeps both as hidden no-ops for old scripts.
        var extract = new Option<bool>("--extract") { Hidden = true };
        var pause = new Option<bool>("--pause") { Hidden = true, DefaultValueFactory = _ => true };
        var source = One("SRC_PATH");
        var destination = One("DEST_PATH");
        return new Command("cp", "Copy files/folders between a container and the local filesystem")
            .With(archive, overwrite, extract, pause, source, destination)
            .WithAction(context, "cp", async (r, cancellationToken) =>
            {
                var request = new CopyRequest(
                    r.GetValue(source)!,
                    r.GetValue(destination)!,
                    Chown: r.GetValue(archive),
                    Overwrite: r.GetValue(overwrite));
                var copier = context.Services.GetRequiredService<IContainerCopier>();
                await copier.CopyAsync(request, Console.OpenStandardInput, context.OpenStdout, cancellationToken);
                return ExitCodes.Success;
            });
    }
}
