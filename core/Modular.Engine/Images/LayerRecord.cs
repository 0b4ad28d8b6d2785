namespace Modular.Engine.Images;

/// <summary>One layer in graphroot/layers/layers.json.</summary>
/// <param name="Id">The chain id's hex for image layers; the caller's id for container layers.</param>
/// <param name="DiffId">sha256 of the uncompressed tar; null for container layers.</param>
/// <param name="Incomplete">
/// Written before the driver is touched and cleared on commit, so a layer left by a killed
/// pull is recognised and removed when the store next opens.
/// </param>
public sealed record LayerRecord(
    string Id,
    string? Parent,
    string? DiffId,
    string? CompressedDigest,
    long Size,
    bool Incomplete,
    bool IsContainerLayer);
