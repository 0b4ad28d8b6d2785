namespace Modular.Engine.Images;

/// <summary>Everything a pull or load verified and now stores as one image.</summary>
/// <param name="Digests">Manifest digests: the one pulled by first, then an instance's.</param>
public sealed record ImageCommit(
    byte[] Config,
    byte[] Manifest,
    string ManifestMediaType,
    IReadOnlyList<string> Digests,
    IReadOnlyList<string> Names,
    IReadOnlyList<LayerSource> Layers);
