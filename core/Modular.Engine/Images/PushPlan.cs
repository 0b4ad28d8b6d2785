using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>What a push sends: layer blobs, the config, and the manifest naming them.</summary>
internal sealed record PushPlan(
    IReadOnlyList<PushedLayer> Layers,
    Descriptor Config,
    byte[] ConfigBytes,
    byte[] Manifest,
    string ManifestMediaType);
