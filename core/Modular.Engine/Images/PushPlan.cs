using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>What a push sends: layer blobs, the config, and the manifest naming them.</summary>
/// <param name="ImageId">The stored image pushed, for the event.</param>
internal sealed record PushPlan(
    string ImageId,
    IReadOnlyList<PushedLayer> Layers,
    Descriptor Config,
    byte[] ConfigBytes,
    byte[] Manifest,
    string ManifestMediaType);
