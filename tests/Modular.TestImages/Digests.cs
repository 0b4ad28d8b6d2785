using System.Security.Cryptography;

namespace Modular.TestImages;

/// <summary>Content digests in the "sha256:hex" form OCI and the registry API use.</summary>
public static class Digests
{
    public static string Sha256(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The hex part of a digest, as used in blob paths and archive file names.</summary>
    public static string Hex(string digest) => digest[(digest.IndexOf(':') + 1)..];
}
