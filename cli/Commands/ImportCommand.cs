using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Transports;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>import</c>: a tarball (or <c>-</c> for stdin) becomes a one-layer image.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var changes = Values("--change", "Apply the following possible instructions to the created image", "-c");
        var message = Value("--message", "Set commit message for imported image", "-m");
        var os = Value("--os", "Set the OS of the imported image");
        var arch = Value("--arch", "Set the architecture of the imported image");
        var variant = Value("--variant", "Set the variant of the imported image");
        var quiet = Switch("--quiet", "Suppress output", "-q");
        var args = Names("ARGS");
        return new Command("import", "Import a tarball to create a filesystem image")
            .With(changes, message, os, arch, variant, quiet, args)
            .WithAction(context, "import", async (r, cancellationToken) =>
            {
                var values = r.GetValue(args)!;
                Validate(values);
                var options = new TarballImportOptions(
                    r.GetValue(changes)!,
                    r.GetValue(message),
                    r.GetValue(os),
                    r.GetValue(arch),
                    r.GetValue(variant),
                    values.Length > 1 ? values[1] : null);
                var id = await ImportAsync(context, values[0], options, cancellationToken);
                if (!r.GetValue(quiet))
                {
                    context.Error.WriteLine("Getting image source signatures");
                    context.Error.WriteLine("Writing manifest to image destination");
                }

                context.Out.WriteLine("sha256:" + id);
                return ExitCodes.Success;
            });
    }

    private static void Validate(string[] values)
    {
        if (values.Length == 0)
        {
            throw new UsageException("need to give the path to the tarball, or must specify a tarball of '-' for stdin");
        }

        if (values.Length > 2)
        {
            throw new UsageException("too many arguments. Usage TARBALL [REFERENCE]");
        }

        if (Uri.TryCreate(values[0], UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            // Limitation: a URL source would reach the network; only files and stdin are read.
            throw new UsageException($"importing from a URL is not supported: \"{values[0]}\"");
        }
    }

    private static async Task<string> ImportAsync(
        CliContext context,
        string path,
        TarballImportOptions options,
        CancellationToken cancellationToken)
    {
        var importer = context.Services.GetRequiredService<ITarballImporter>();
        if (path != "-")
        {
            return await importer.ImportAsync(path, options, cancellationToken);
        }

        var spool = Path.Combine(SpoolDirectory.For(context), $"import-stdin-{Guid.NewGuid():N}.tar");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(spool)!);
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write))
            {
                await using var stdin = Console.OpenStandardInput();
                await stdin.CopyToAsync(file, cancellationToken);
            }

            return await importer.ImportAsync(spool, options, cancellationToken);
        }
        finally
        {
            File.Delete(spool);
        }
    }
}
