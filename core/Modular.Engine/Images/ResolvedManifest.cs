using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>The image manifest chosen for this host, with the digests it is known by.</summary>
public sealed record ResolvedManifest(
    Manifest Manifest,
    byte[] Body,
    IReadOnlyList<string> Digests);
