namespace Modular.Engine.Images;

/// <summary>One layer of an image being committed: where its blob is and what it must hash to.</summary>
/// <param name="CompressedDigest">The blob's digest as the manifest gives it.</param>
/// <param name="DiffId">sha256 of the uncompressed tar, from the config's rootfs.diff_ids.</param>
/// <param name="Open">Opens the verified blob; called only when the layer is not yet stored.</param>
public sealed record LayerSource(
    string CompressedDigest,
    string DiffId,
    Func<CancellationToken, Task<Stream>> Open);
