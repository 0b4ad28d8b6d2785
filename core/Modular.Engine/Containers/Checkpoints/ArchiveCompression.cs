using System.IO.Compression;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// The archive's compression. Podman's default is zstd; .NET has no zstd codec, so Modular
/// writes gzip by default and refuses zstd with a clear error. Reading detects gzip by its
/// magic bytes and takes anything else as a plain tar.
/// </summary>
public static class ArchiveCompression
{
    public const string Default = "gzip";

    private static readonly byte[] ZstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

    /// <summary>Podman's names; the error for an unknown one is Podman's text.</summary>
    public static void Validate(string name)
    {
        if (name is "gzip" or "none")
        {
            return;
        }

        if (name == "zstd")
        {
            throw new CapabilityMissingException(
                "zstd compression is not available in this build: use --compress gzip or none");
        }

        throw new InvalidInputException(
            $"selected compression algorithm (\"{name}\") not supported. Please select one from: gzip, none, zstd");
    }

    public static Stream OpenWrite(Stream file, string name) =>
        name == "gzip" ? new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true) : file;

    // A stream returned as is may be disposed twice by its callers; FileStream allows that.
    public static async Task<Stream> OpenReadAsync(FileStream file, string archive, CancellationToken cancellationToken)
    {
        var head = new byte[4];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        if (read >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        }

        if (read == 4 && head.AsSpan().SequenceEqual(ZstdMagic))
        {
            throw new CapabilityMissingException(
                $"checkpoint archive {archive} is zstd-compressed, which this build cannot read");
        }

        return file;
    }
}
