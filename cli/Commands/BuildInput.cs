using System.Formats.Tar;
using System.IO.Compression;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// The context and Containerfile of a build: a directory, or <c>-</c> for stdin holding a
/// tar of the context (plain or gzip) or a Containerfile alone. A tar is unpacked in a
/// temporary directory under the store, removed when the build ends.
/// </summary>
public sealed class BuildInput : IAsyncDisposable
{
    private readonly string? _temporary;

    private BuildInput(string contextDirectory, string containerfile, string? temporary)
    {
        ContextDirectory = contextDirectory;
        Containerfile = containerfile;
        _temporary = temporary;
    }

    public string ContextDirectory { get; }

    public string Containerfile { get; }

    public static async Task<BuildInput> OpenAsync(
        CliContext context,
        string[] args,
        string[] files,
        CancellationToken cancellationToken)
    {
        if (args.Length > 1)
        {
            throw new UsageException($"accepts at most 1 arg(s), received {args.Length}");
        }

        var given = args.Length == 0 ? "." : args[0];
        if (given == "-")
        {
            return await FromStdinAsync(context, files, cancellationToken);
        }

        var directory = Path.GetFullPath(given);
        if (!Directory.Exists(directory))
        {
            throw new NotFoundException($"stat {given}: no such file or directory");
        }

        var text = await ReadContainerfileAsync(directory, files, cancellationToken);
        return new BuildInput(directory, text, null);
    }

    private static async Task<BuildInput> FromStdinAsync(
        CliContext context,
        string[] files,
        CancellationToken cancellationToken)
    {
        await using var stdin = Console.OpenStandardInput();
        return await FromStreamAsync(
            context.Host.Options.GraphRoot, stdin, files, filesInContext: false, cancellationToken);
    }

    /// <summary>
    /// A context sent as a stream: a tar (plain or gzip) unpacked in a temporary directory
    /// under <paramref name="graphRoot"/>, or a Containerfile alone. Used for stdin here and
    /// for the API's POST /build body. With <paramref name="filesInContext"/>, every
    /// Containerfile path is read inside the unpacked context only (a client of the API
    /// must not make the service read the host's files).
    /// </summary>
    public static async Task<BuildInput> FromStreamAsync(
        string graphRoot,
        Stream source,
        string[] files,
        bool filesInContext,
        CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(graphRoot, "tmp", $"build-context-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            var input = new MemoryStream();
            await source.CopyToAsync(input, cancellationToken);
            input.Position = 0;
            var tar = await AsTarAsync(input, cancellationToken);
            if (tar is null)
            {
                var containerfile = System.Text.Encoding.UTF8.GetString(input.ToArray());
                return new BuildInput(temporary, containerfile, temporary);
            }

            await TarFile.ExtractToDirectoryAsync(
                tar, temporary, overwriteFiles: true, cancellationToken);
            var paths = filesInContext
                ? (files.Length > 0 ? files : DefaultNames(temporary)).Select(f => InContext(temporary, f)).ToArray()
                : files;
            var text = await ReadContainerfileAsync(temporary, paths, cancellationToken);
            return new BuildInput(temporary, text, temporary);
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    private static string[] DefaultNames(string directory) =>
        [.. new[] { "Containerfile", "Dockerfile" }.Where(n => File.Exists(Path.Combine(directory, n))).Take(1)];

    /// <summary>A Containerfile path inside the context, its links included, or an error.</summary>
    private static string InContext(string directory, string file)
    {
        directory = Path.GetFullPath(directory);
        var path = Path.GetFullPath(Path.Combine(directory, file.TrimStart('/')));
        var final = File.Exists(path) && File.ResolveLinkTarget(path, returnFinalTarget: true) is { } target
            ? target.FullName
            : path;
        return final.StartsWith(directory + "/", StringComparison.Ordinal)
            ? path
            : throw new InvalidInputException($"the Containerfile {file} is outside the build context");
    }

    /// <summary>The input as a tar stream, or null when it is not a (gzipped) tar.</summary>
    private static async Task<Stream?> AsTarAsync(
        MemoryStream input,
        CancellationToken cancellationToken)
    {
        var bytes = input.ToArray();
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            var plain = new MemoryStream();
            var compressed = new MemoryStream(bytes);
            await using (var gzip = new GZipStream(compressed, CompressionMode.Decompress))
            {
                await gzip.CopyToAsync(plain, cancellationToken);
            }

            return new MemoryStream(Terminated(plain.ToArray()));
        }

        var isTar = bytes.Length > 262
            && System.Text.Encoding.ASCII.GetString(bytes, 257, 5) == "ustar";
        return isTar ? new MemoryStream(Terminated(bytes)) : null;
    }

    /// <summary>
    /// The tar with its last block padded and two zero blocks after it. The docker CLI
    /// sends a context it added a Dockerfile to (-f outside the context, -f -) cut off
    /// after the last file's bytes, which Docker's daemon reads but .NET's reader takes
    /// for a truncated archive; zeros after a proper end are never read.
    /// </summary>
    private static byte[] Terminated(byte[] tar)
    {
        var padded = (tar.Length + 511) / 512 * 512;
        var terminated = new byte[padded + 1024];
        tar.CopyTo(terminated, 0);
        return terminated;
    }

    private static async Task<string> ReadContainerfileAsync(
        string directory,
        string[] files,
        CancellationToken cancellationToken)
    {
        if (files.Length > 0)
        {
            // Several -f files are read as one Containerfile, in order, as Buildah does.
            var texts = new List<string>();
            foreach (var file in files)
            {
                texts.Add(await ReadOneAsync(directory, file, cancellationToken));
            }

            return string.Join("\n", texts);
        }

        var found = new[] { "Containerfile", "Dockerfile" }
            .Select(n => Path.Combine(directory, n))
            .FirstOrDefault(File.Exists)
            ?? throw new NotFoundException(
                "no Containerfile or Dockerfile specified or found in context directory, "
                + $"{directory}: no such file or directory");
        return await File.ReadAllTextAsync(found, cancellationToken);
    }

    private static async Task<string> ReadOneAsync(
        string directory,
        string file,
        CancellationToken cancellationToken)
    {
        if (file == "-")
        {
            using var reader = new StreamReader(Console.OpenStandardInput());
            return await reader.ReadToEndAsync(cancellationToken);
        }

        var path = Path.IsPathRooted(file) || File.Exists(file)
            ? file
            : Path.Combine(directory, file);
        return File.Exists(path)
            ? await File.ReadAllTextAsync(path, cancellationToken)
            : throw new NotFoundException(
                $"the specified Containerfile or Dockerfile does not exist, {file}: "
                + "no such file or directory");
    }

    public ValueTask DisposeAsync()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
