namespace Modular.Engine.Images.Transports;

/// <summary>How an export writes layer blobs (<c>--compress</c>, <c>--compression-format</c>).</summary>
public enum LayerCompression
{
    /// <summary>Keep each layer as the store holds it (containers/image's PreserveOriginal).</summary>
    Preserve,

    /// <summary>Plain tar.</summary>
    None,

    /// <summary>gzip.</summary>
    Gzip,

    /// <summary>zstd.</summary>
    Zstd,
}
