using System.IO.Compression;
using Modular.Contracts.Errors;
using ZstdSharp;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// The archive's compression: zstd (Podman's default, through ZstdSharp.Port, as the image
/// layers), gzip or none. Reading detects the compression by its magic bytes, so an archive
/// written by either tool, with any of the three, imports without a flag.
/// </summary>
public static class ArchiveCompression
{
    public const string Default = "zstd";

    private static readonly byte[] ZstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

    /// <summary>Podman's names; the error for an unknown one is Podman's text.</summary>
    public static void Validate(string name)
    {
        if (name is not ("gzip" or "none" or "zstd"))
        {
            throw new InvalidInputException(
                $"selected compression algorithm (\"{name}\") not supported. Please select one from: gzip, none, zstd");
        }
    }

    public static Stream OpenWrite(Stream file, string name) => name switch
    {
        "gzip" => new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true),
        // Level 3 is zstd's own default, as Go's encoder in Podman uses.
        "zstd" => new CompressionStream(file, 3, leaveOpen: true),
        _ => file,
    };

    // A stream returned as is may be disposed twice by its callers; FileStream allows that.
    public static async Task<Stream> OpenReadAsync(FileStream file, CancellationToken cancellationToken)
    {
        var head = new byte[4];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        if (read >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        }

        return read == 4 && head.AsSpan().SequenceEqual(ZstdMagic)
            ? new DecompressionStream(file, leaveOpen: true)
            : file;
    }
}
