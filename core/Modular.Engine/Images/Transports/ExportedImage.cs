namespace Modular.Engine.Images.Transports;

/// <summary>A stored image with its layers written for an export and its final config.</summary>
/// <param name="Config">The config to write: the stored one, unless a rebuilt tar changed a diff id.</param>
internal sealed record ExportedImage(
    StoredImage Image,
    byte[] Config,
    IReadOnlyList<ExportedBlob> Layers)
{
    public string ConfigDigest => Digests.Of(Config);
}
