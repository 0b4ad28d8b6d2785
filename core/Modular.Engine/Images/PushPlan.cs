using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>What a push sends: layer blobs, the config, and the manifest naming them.</summary>
/// <param name="ImageId">The stored image pushed, for the event.</param>
/// <param name="Digest">The manifest's digest when it is not sha256 of its bytes (signed schema 1).</param>
internal sealed record PushPlan(
    string ImageId,
    IReadOnlyList<PushedLayer> Layers,
    Descriptor Config,
    byte[] ConfigBytes,
    byte[] Manifest,
    string ManifestMediaType,
    string? Digest = null);
