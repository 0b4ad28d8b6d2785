namespace Modular.Engine.Images;

/// <summary>One image in graphroot/images/images.json.</summary>
/// <param name="Id">Hex sha256 of the config blob.</param>
/// <param name="Digest">The manifest digest the image was pulled or loaded by.</param>
/// <param name="Digests">Every manifest digest known for it (list and instance).</param>
/// <param name="TopLayer">Id of its top layer, or empty for an image with no layers.</param>
public sealed record ImageRecord(
    string Id,
    IReadOnlyList<string> Names,
    string Digest,
    IReadOnlyList<string> Digests,
    string ManifestMediaType,
    string TopLayer,
    DateTimeOffset Created,
    long Size,
    IReadOnlyList<string> NamesHistory);
