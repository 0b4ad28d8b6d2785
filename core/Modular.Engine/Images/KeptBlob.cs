namespace Modular.Engine.Images;

/// <summary>
/// A layer's blob as it was pulled or loaded, kept beside the layer so push and save can
/// send the very bytes the image came with (its digests then stay the same).
/// </summary>
/// <param name="Path">The blob file.</param>
/// <param name="Digest">sha256 of the file, as a manifest names it.</param>
/// <param name="Sources">"registry/repository" names it was pulled from, for blob mounts.</param>
public sealed record KeptBlob(
    string Path,
    string Digest,
    long Size,
    BlobCompression Compression,
    IReadOnlyList<string> Sources);
