namespace Modular.TestImages;

/// <summary>
/// A built layer in both forms: the plain tar (archives, diff ID) and the gzip blob
/// (registry pushes), each with its digest.
/// </summary>
public sealed record Layer(byte[] Tar, string DiffId, byte[] Gzip, string GzipDigest);
