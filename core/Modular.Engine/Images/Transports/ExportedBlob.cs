namespace Modular.Engine.Images.Transports;

/// <summary>A layer blob written for an export, still under its temp name.</summary>
/// <param name="TempPath">Where it was written; the writer renames it by digest.</param>
/// <param name="Compression">What its bytes are: <see cref="LayerCompression.None"/>, Gzip or Zstd.</param>
/// <param name="DiffId">sha256 of its uncompressed tar.</param>
internal sealed record ExportedBlob(
    string TempPath,
    string Digest,
    long Size,
    LayerCompression Compression,
    string DiffId);
