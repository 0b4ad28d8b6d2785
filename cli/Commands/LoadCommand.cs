using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Transports;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>load</c>: a docker-archive or oci-archive file (from <c>-i</c> or stdin), or an OCI
/// layout or <c>dir:</c> directory; every image in it, or none when one fails.
/// </summary>
public static class LoadCommand
{
    public static Command Create(CliContext context, string name)
    {
        var input = Value("--input", "Read from specified archive file (default: stdin)", "-i");
        var quiet = Switch("--quiet", "Suppress the output", "-q");
        return new Command(name, "Load image(s) from a tar archive").With(input, quiet)
            .WithAction(context, "load", async (r, cancellationToken) =>
            {
                var path = r.GetValue(input);
                var spooled = path is null ? await SpoolStdinAsync(context, cancellationToken) : null;
                try
                {
                    var names = await LoadAsync(context, spooled ?? path!, path ?? "stdin", cancellationToken);
                    context.Out.WriteLine("Loaded image: " + string.Join("\nLoaded image: ", names));
                    return ExitCodes.Success;
                }
                finally
                {
                    if (spooled is not null)
                    {
                        File.Delete(spooled);
                    }
                }
            });
    }

    private static async Task<IReadOnlyList<string>> LoadAsync(
        CliContext context,
        string path,
        string shown,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            return await context.Images.LoadAsync(path, cancellationToken);
        }

        var kind = File.Exists(Path.Combine(path, "index.json")) ? TransportKind.OciLayout : TransportKind.Directory;
        var transports = context.Services.GetRequiredService<IImageTransports>();
        return await transports.ImportAsync(
            new TransportReference(kind, shown, null),
            new ImportOptions(Quiet: true),
            cancellationToken);
    }

    /// <summary>Copies stdin to a file in the store's temp directory: archives are read twice.</summary>
    private static async Task<string> SpoolStdinAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (!Console.IsInputRedirected)
        {
            throw new UsageException("cannot read from terminal, use command-line redirection or the --input flag");
        }

        var directory = SpoolDirectory.For(context);
        var path = Path.Combine(directory, $"load-stdin-{Guid.NewGuid():N}.tar");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await using var stdin = Console.OpenStandardInput();
        await stdin.CopyToAsync(file, cancellationToken);
        return path;
    }
}
