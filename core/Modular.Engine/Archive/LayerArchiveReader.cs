using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;

namespace Modular.Engine.Archive;

/// <summary>
/// The engine's hardened tar reader: turns a layer blob (plain or gzip tar) into validated
/// <see cref="LayerEntry"/> values for a storage driver. Entry content is streamed: each
/// entry's <see cref="LayerEntry.Content"/> is valid until the next entry is requested.
/// </summary>
public static class LayerArchiveReader
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>
    /// Reads entries in order. Refuses, with <see cref="Contracts.Errors.InvalidInputException"/>,
    /// a name with a <c>..</c> component, a hard link whose target leaves the root, and a
    /// path that appears twice. Whiteouts come out as <see cref="LayerEntryType.Whiteout"/>
    /// and <see cref="LayerEntryType.OpaqueDirectory"/> entries.
    /// </summary>
    public static async IAsyncEnumerable<LayerEntry> ReadAsync(
        Stream layer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await OpenDecompressedAsync(layer, cancellationToken) is not { } decompressed)
        {
            // A zero-byte blob: Go's tar reader (containers/storage) takes it as a layer
            // without entries, so it is one here too.
            yield break;
        }

        await using var tarStream = new PaxXattrTap(decompressed);
        await using var reader = new TarReader(tarStream, leaveOpen: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (await ReadNextAsync(reader, cancellationToken) is { } tarEntry)
        {
            var raw = tarStream.Current is { } tapped && tapped.Name == tarEntry.Name ? tapped.Xattrs : null;
            var entry = TarEntryConverter.Convert(tarEntry, raw);
            if (entry is null)
            {
                continue;
            }

            RefuseDuplicate(seen, tarEntry.Name, entry);
            yield return entry;
        }
    }

    private static async Task<TarEntry?> ReadNextAsync(
        TarReader reader,
        CancellationToken cancellationToken)
    {
        try
        {
            // copyData: false keeps content streamed; it stays readable until the next call.
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException
                                       or EndOfStreamException or ArgumentException)
        {
            var reason = e.Message.ReplaceLineEndings(" ");
            throw new InvalidInputException($"invalid layer: malformed tar archive: {reason}", e);
        }
    }

    private static void RefuseDuplicate(HashSet<string> seen, string rawName, LayerEntry entry)
    {
        // Whiteouts are keyed by their tar name so ".wh.x" and "x" count as different paths,
        // as in the tar itself; tar-split refuses repeated tar names only.
        var key = entry.Type is LayerEntryType.Whiteout or LayerEntryType.OpaqueDirectory
            ? "\0" + LayerPath.Normalize(rawName, rawName)
            : entry.Path;
        if (!seen.Add(key))
        {
            throw new InvalidInputException(
                $"invalid layer entry {Quoted.Of(rawName)}: duplicates of file paths not supported");
        }
    }

    private static async Task<Stream?> OpenDecompressedAsync(
        Stream layer,
        CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        var read = await layer.ReadAtLeastAsync(
            magic,
            2,
            throwOnEndOfStream: false,
            cancellationToken);
        if (read == 0)
        {
            return null;
        }

        var prefixed = new PrefixedStream(magic.AsMemory(0, read), layer);
        var isGzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        return isGzip ? new GZipStream(prefixed, CompressionMode.Decompress) : prefixed;
    }

    internal static bool IsWhiteoutName(string name, out bool opaque, out string hidden)
    {
        opaque = name == OpaqueMarker;
        hidden = name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal)
            ? name[WhiteoutPrefix.Length..]
            : string.Empty;
        return opaque || hidden.Length > 0;
    }
}
