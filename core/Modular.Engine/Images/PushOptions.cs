namespace Modular.Engine.Images;

/// <summary>Options of <c>push</c>.</summary>
/// <param name="TlsVerify">null: registries.conf decides; false: plain HTTP or unverified TLS allowed.</param>
/// <param name="Format">oci, v2s2 (docker), v2s1, or null to keep the image's own.</param>
/// <param name="CompressionFormat">gzip or zstd, or null for the kept blob's (gzip when none).</param>
/// <param name="ForceCompression">Recompress even blobs already in the wanted format.</param>
/// <param name="Progress">Where the copy lines go (stderr in the CLI), or null for quiet.</param>
/// <param name="CertDirectory">A certs.d-style directory of CA and client certificates.</param>
/// <param name="ByDigest">PUT the manifest under its own digest, not the destination's tag
/// (an instance of a manifest list being pushed).</param>
public sealed record PushOptions(
    bool? TlsVerify = null,
    string? Format = null,
    string? CompressionFormat = null,
    int? CompressionLevel = null,
    bool ForceCompression = false,
    Registry.CopyProgress? Progress = null,
    string? AuthFile = null,
    string? Credentials = null,
    string? CertDirectory = null,
    bool ByDigest = false);
