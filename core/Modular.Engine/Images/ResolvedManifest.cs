using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>The image manifest chosen for this host, with the digests it is known by.</summary>
/// <param name="Config">The config when it was built here (a converted schema 1 manifest), not fetched.</param>
public sealed record ResolvedManifest(
    Manifest Manifest,
    byte[] Body,
    IReadOnlyList<string> Digests,
    byte[]? Config = null);
