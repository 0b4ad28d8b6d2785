namespace Modular.Engine.Images;

/// <summary>How a layer blob is compressed, as its first bytes and its media type say.</summary>
public enum BlobCompression
{
    None,
    Gzip,
    Zstd,
}
