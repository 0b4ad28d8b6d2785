using System.IO.Compression;
using Modular.Contracts.Errors;
using ZstdSharp;

namespace Modular.Engine.Images;

/// <summary>
/// Detecting, opening and writing the three layer encodings. zstd comes from ZstdSharp.Port,
/// a managed port of the reference library: the BCL has no zstd, and a managed library
/// keeps the engine free of a native binary it would have to find and trust.
/// </summary>
public static class BlobEncodings
{
    /// <summary>The encoding of a blob from its first four bytes.</summary>
    public static BlobEncoding Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return BlobEncoding.Gzip;
        }

        return head.Length >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f
            && head[3] == 0xfd
            ? BlobEncoding.Zstd
            : BlobEncoding.None;
    }

    /// <summary>
    /// Parses <c>--compression-format</c>: gzip or zstd. zstd:chunked is refused: its TOC
    /// and footer (containers/storage pkg/chunked) are not written, and plain zstd in its
    /// place would silently lose the partial pulls the user asked for.
    /// </summary>
    public static BlobEncoding Parse(string text) => text switch
    {
        "gzip" => BlobEncoding.Gzip,
        "zstd" => BlobEncoding.Zstd,
        _ => throw new InvalidInputException($"unsupported compression format {text}"),
    };

    /// <summary>A stream that decompresses <paramref name="blob"/> read as <paramref name="kind"/>.</summary>
    public static Stream OpenDecompressing(Stream blob, BlobEncoding kind) => kind switch
    {
        BlobEncoding.Gzip => new GZipStream(blob, CompressionMode.Decompress),
        BlobEncoding.Zstd => new DecompressionStream(blob),
        _ => blob,
    };

    /// <summary>A stream that compresses what is written into <paramref name="target"/>.</summary>
    /// <param name="level">The algorithm's level, or null for its default.</param>
    public static Stream OpenCompressing(Stream target, BlobEncoding kind, int? level) =>
        kind switch
        {
            BlobEncoding.Gzip => new GZipStream(target, GzipLevel(level), leaveOpen: true),
            BlobEncoding.Zstd => new CompressionStream(target, level ?? 3, leaveOpen: true),
            _ => throw new InvalidInputException("a layer cannot be compressed to no compression"),
        };

    /// <summary>The OCI layer media type for the encoding.</summary>
    public static string OciMediaType(BlobEncoding kind) => kind switch
    {
        BlobEncoding.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
        BlobEncoding.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
        _ => "application/vnd.oci.image.layer.v1.tar",
    };

    /// <summary>The Docker schema 2 layer media type; Docker has no zstd type.</summary>
    public static string DockerMediaType(BlobEncoding kind) => kind switch
    {
        BlobEncoding.Gzip => "application/vnd.docker.image.rootfs.diff.tar.gzip",
        BlobEncoding.None => "application/vnd.docker.image.rootfs.diff.tar",
        _ => throw new InvalidInputException("zstd layers need an OCI manifest"),
    };

    // gzip levels are 1..9 as in Go; .NET offers only named levels, so map the range.
    private static CompressionLevel GzipLevel(int? level) => level switch
    {
        null => CompressionLevel.Optimal,
        0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        >= 9 => CompressionLevel.SmallestSize,
        _ => CompressionLevel.Optimal,
    };
}
