namespace Modular.Engine.Commit;

/// <summary>A layer diff written as an uncompressed tar file, ready to become an image layer.</summary>
/// <param name="Path">The tar file, in the store's temporary directory; the caller deletes it.</param>
/// <param name="DiffId">sha256 of the tar, which is also its blob digest (no compression).</param>
public sealed record CapturedLayer(string Path, string DiffId, long Size);
