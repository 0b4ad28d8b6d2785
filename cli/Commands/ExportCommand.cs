using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Export;
using Modular.Engine.Files;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>export</c>: a container's file system as a tar, to <c>-o FILE</c> or stdout.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = Value("--output", "Write to a specified file (default: stdout, which must be redirected)", "-o");
        var container = One("CONTAINER");
        return new Command("export", "Export container's filesystem contents as a tar archive")
            .With(output, container)
            .WithAction(context, "export", async (r, cancellationToken) =>
            {
                var path = r.GetValue(output);
                if (string.IsNullOrEmpty(path) && !Console.IsOutputRedirected)
                {
                    throw new UsageException("refusing to export to terminal. Use -o flag or redirect");
                }

                if (path is not null && path.Contains(':'))
                {
                    throw new UsageException($"invalid filename (should not contain ':') \"{path}\"");
                }

                var exporter = context.Services.GetRequiredService<IContainerExporter>();
                await WriteAsync(context, exporter, r.GetValue(container)!, path, cancellationToken);
                return ExitCodes.Success;
            });
    }

    private static async Task WriteAsync(
        CliContext context,
        IContainerExporter exporter,
        string container,
        string? path,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(path))
        {
            await using var stdout = context.OpenStdout();
            await exporter.ExportAsync(container, stdout, cancellationToken);
            return;
        }

        // Podman looks the container up before it creates the file: a missing container wins.
        await context.Services.GetRequiredService<IContainerService>().ResolveAsync(container, cancellationToken);
        await OutputFile.WriteAsync(
            path,
            $"creating file \"{path}\"",
            file => exporter.ExportAsync(container, file, cancellationToken),
            cancellationToken);
    }
}
