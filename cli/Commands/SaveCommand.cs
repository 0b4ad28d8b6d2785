using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Transports;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>save</c>: stored images to docker-archive, oci-archive, oci-dir or docker-dir.</summary>
public static class SaveCommand
{
    private static readonly string[] Formats = ["oci-dir", "oci-archive", "docker-dir", "docker-archive"];

    public static Command Create(CliContext context)
    {
        var compress = Switch("--compress", "Compress layers when saving to a directory (docker-dir)");
        var uncompressed = Switch("--uncompressed", "Accept uncompressed layers when writing OCI images");
        var format = Value("--format", "Save as oci-archive, oci-dir, docker-archive or docker-dir");
        var output = Value("--output", "Write to this file or directory (default: stdout, which must be redirected)", "-o");
        var quiet = Switch("--quiet", "Suppress the output", "-q");
        var multi = Switch("--multi-image-archive", "Treat further arguments as images, not tags (docker-archive only)", "-m");
        var names = Names("IMAGE");
        return new Command("save", "Save image(s) to an archive")
            .With(compress, uncompressed, format, output, quiet, multi, names)
            .WithAction(context, "save", async (r, cancellationToken) =>
            {
                var args = r.GetValue(names)!;
                var chosen = r.GetValue(format) ?? "docker-archive";
                Validate(args, chosen, r.GetResult(compress) is { Implicit: false } && chosen != "docker-dir");
                var request = new SaveRequest(
                    args, chosen, r.GetValue(output), r.GetValue(quiet), r.GetValue(multi), r.GetValue(compress));
                await SaveAsync(context, request, cancellationToken);
                return ExitCodes.Success;
            });
    }

    private static void Validate(string[] args, string format, bool misplacedCompress)
    {
        if (args.Length == 0)
        {
            throw new UsageException("need at least 1 argument");
        }

        if (!Formats.Contains(format))
        {
            throw new UsageException($"format value must be one of {string.Join(' ', Formats)}");
        }

        if (misplacedCompress)
        {
            throw new UsageException("--compress can only be set when --format is 'docker-dir'");
        }
    }

    private static async Task SaveAsync(CliContext context, SaveRequest request, CancellationToken cancellationToken)
    {
        var toStdout = string.IsNullOrEmpty(request.Output);
        if (toStdout && !Console.IsOutputRedirected)
        {
            throw new UsageException("refusing to save to terminal. Use -o flag or redirect");
        }

        var path = toStdout ? StdoutSpool(context) : request.Output!;
        if (!toStdout && path.Contains(':'))
        {
            throw new UsageException($"invalid filename (should not contain ':') \"{path}\"");
        }

        try
        {
            await WriteAsync(context, request, path, quiet: request.Quiet || toStdout, cancellationToken);
            if (toStdout)
            {
                await using var spool = File.OpenRead(path);
                await using var stdout = context.OpenStdout();
                await spool.CopyToAsync(stdout, cancellationToken);
            }
        }
        finally
        {
            if (toStdout)
            {
                File.Delete(path);
            }
        }
    }

    private static Task WriteAsync(
        CliContext context,
        SaveRequest request,
        string path,
        bool quiet,
        CancellationToken cancellationToken)
    {
        var transports = context.Services.GetRequiredService<IImageTransports>();
        var destination = request.Format switch
        {
            "oci-archive" => new TransportReference(TransportKind.OciArchive, path, null),
            "oci-dir" => new TransportReference(TransportKind.OciLayout, path, null),
            "docker-dir" => new TransportReference(TransportKind.Directory, path, null),
            _ => new TransportReference(TransportKind.DockerArchive, path, null),
        };
        var images = request.Multi ? request.Args : request.Args[..1];
        if (images.Length > 1 && destination.Kind != TransportKind.DockerArchive)
        {
            throw new UsageException(
                $"unsupported format \"{request.Format}\" for saving multiple images (only docker-archive)");
        }

        var options = new ExportOptions(
            Format: request.Format == "docker-dir" ? ManifestFormat.DockerV2Schema2 : ManifestFormat.Default,
            Compression: request.Compress ? LayerCompression.Gzip : LayerCompression.Preserve,
            AdditionalNames: request.Multi ? [] : request.Args[1..],
            Quiet: quiet,
            Progress: context.Error,
            NameFromImage: true);
        return transports.ExportManyAsync(images, destination, options, cancellationToken);
    }

    private static string StdoutSpool(CliContext context)
    {
        var directory = SpoolDirectory.For(context);
        return Path.Combine(directory, $"save-stdout-{Guid.NewGuid():N}.tar");
    }

    private sealed record SaveRequest(
        string[] Args,
        string Format,
        string? Output,
        bool Quiet,
        bool Multi,
        bool Compress);
}
