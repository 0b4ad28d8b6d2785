using System.Formats.Tar;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>
/// Unpacks an image archive (docker-archive or oci-archive, plain or gzip) into a private
/// temp directory. Only files and directories are written; links are copied as the files
/// they name, and only when those lie inside the archive, so nothing lands outside it.
/// </summary>
internal static class ArchiveExtractor
{
    public static async Task ExtractAsync(
        string archive,
        string directory,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await using var file = OpenArchive(archive);
        await using var tar = await LayerStreams.DecompressAsync(file, cancellationToken);
        await using var reader = new TarReader(tar);
        var links = new List<(string Path, string Target)>();
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var path = Normalise(entry.Name, archive);
            var target = Path.Combine(directory, path);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    await WriteFileAsync(entry, target, archive, cancellationToken);
                    break;
                case TarEntryType.SymbolicLink:
                    links.Add((path, LinkTarget(path, entry.LinkName)));
                    break;
                case TarEntryType.HardLink:
                    links.Add((path, entry.LinkName));
                    break;
            }
        }

        CopyLinks(directory, links, archive);
    }

    private static FileStream OpenArchive(string archive)
    {
        try
        {
            return File.OpenRead(archive);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"opening archive {archive}: {e.Message}", e);
        }
    }

    private static async Task WriteFileAsync(
        TarEntry entry,
        string target,
        string archive,
        CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            throw new InvalidInputException($"archive {archive}: {entry.Name} appears twice");
        }

        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        if (entry.DataStream is { } data)
        {
            await data.CopyToAsync(output, ct);
        }
    }

    /// <summary>
    /// The archive path a symlink names. docker save and Podman write legacy layer
    /// directories whose layer.tar is "../HEX.tar", so ".." is resolved here, lexically and
    /// never above the archive root, before the path is checked.
    /// </summary>
    private static string LinkTarget(string path, string link)
    {
        var joined = link.StartsWith('/') ? link : (Path.GetDirectoryName(path) ?? "") + "/" + link;
        var parts = new List<string>();
        foreach (var part in joined.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return joined;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static void CopyLinks(
        string directory,
        List<(string Path, string Target)> links,
        string archive)
    {
        foreach (var (path, target) in links)
        {
            var source = Path.Combine(directory, Normalise(target, archive));
            var destination = Path.Combine(directory, path);
            if (File.Exists(source) && !File.Exists(destination))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
            }
        }
    }

    /// <summary>A relative path with no '..', '.' or empty component, or a refusal.</summary>
    public static string Normalise(string name, string archive)
    {
        var parts = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != ".").ToList();
        if (parts.Contains("..") || parts.Count == 0 && name.Trim('/', '.').Length > 0)
        {
            throw new InvalidInputException($"archive {archive}: entry \"{name}\" leaves the archive");
        }

        return string.Join('/', parts);
    }
}
