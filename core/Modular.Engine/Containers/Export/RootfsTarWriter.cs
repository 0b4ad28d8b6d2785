using System.Formats.Tar;

namespace Modular.Engine.Containers.Export;

/// <summary>
/// Writes a mounted root file system as one flat tar, as <c>podman export</c> does. A file
/// with several names is written once and its later names as hard links to the first name
/// written, so every link entry points at an entry earlier in the same tar: names hidden by
/// a whiteout are not in the view, and never become a dangling link target (LAY-03).
/// </summary>
internal static class RootfsTarWriter
{
    public static async Task WriteAsync(string root, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var firstNames = new Dictionary<(ulong, ulong), string>();
        foreach (var path in Walk(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            var info = new FileInfo(path);
            if (info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null)
            {
                await writer.WriteEntryAsync(path, name + "/", cancellationToken);
                continue;
            }

            if (info.LinkTarget is null && FileIdentity.Of(path) is { } id && info.Exists)
            {
                if (firstNames.TryGetValue(id, out var first))
                {
                    await writer.WriteEntryAsync(HardLink(name, first, info), cancellationToken);
                    continue;
                }

                firstNames[id] = name;
            }

            await WriteNodeAsync(writer, path, name, cancellationToken);
        }
    }

    private static async Task WriteNodeAsync(TarWriter writer, string path, string name, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteEntryAsync(path, name, cancellationToken);
        }
        catch (IOException) when (IsSocket(path))
        {
            // tar has no socket type; GNU tar and Podman skip them too.
        }
    }

    private static PaxTarEntry HardLink(string name, string target, FileInfo info) =>
        new(TarEntryType.HardLink, name)
        {
            LinkName = target,
            Mode = File.GetUnixFileMode(info.FullName),
            ModificationTime = info.LastWriteTimeUtc,
        };

    private static bool IsSocket(string path) =>
        (File.GetAttributes(path) & FileAttributes.Device) == 0 && !File.Exists(path) && !Directory.Exists(path);

    /// <summary>Every entry below <paramref name="root"/>, parents first, without following symlinks.</summary>
    private static IEnumerable<string> Walk(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        };
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", options).Order(StringComparer.Ordinal))
        {
            yield return entry;
            var info = new DirectoryInfo(entry);
            if (info.Exists && info.LinkTarget is null)
            {
                foreach (var child in Walk(entry))
                {
                    yield return child;
                }
            }
        }
    }
}
