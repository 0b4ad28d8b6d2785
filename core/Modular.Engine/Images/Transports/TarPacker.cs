using System.Formats.Tar;
using Modular.Engine.Files;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// Packs a directory the exporter wrote (files and directories only) into a tar file,
/// written beside the destination and renamed into place, so a failure leaves no half archive.
/// </summary>
internal static class TarPacker
{
    public static async Task PackAsync(string directory, string destination, CancellationToken cancellationToken)
    {
        await OutputFile.WriteAsync(
            destination,
            $"opening file \"{destination}\"",
            output => WriteAsync(directory, output, cancellationToken),
            cancellationToken);
    }

    private static async Task WriteAsync(string directory, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var path in Walk(directory))
        {
            var name = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var time = File.GetLastWriteTimeUtc(path);
            if (Directory.Exists(path))
            {
                await writer.WriteEntryAsync(
                    new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = (UnixFileMode)0x1ed, ModificationTime = time },
                    cancellationToken);
                continue;
            }

            await using var data = File.OpenRead(path);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                Mode = (UnixFileMode)0x1a4,
                ModificationTime = time,
                DataStream = data,
            };
            await writer.WriteEntryAsync(entry, cancellationToken);
        }
    }

    /// <summary>Every file and directory below <paramref name="root"/>, parents first, in name order.</summary>
    private static IEnumerable<string> Walk(string root)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(root).Order(StringComparer.Ordinal))
        {
            yield return entry;
            if (Directory.Exists(entry))
            {
                foreach (var child in Walk(entry))
                {
                    yield return child;
                }
            }
        }
    }
}
