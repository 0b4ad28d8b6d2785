namespace Modular.Engine.Registry;

/// <summary>A blob to upload: what the manifest says of it and how to read its bytes.</summary>
/// <param name="MountSources">"registry/repository" names known to hold it, for mounts.</param>
public sealed record UploadBlob(
    Descriptor Descriptor,
    Func<CancellationToken, Task<Stream>> Open,
    IReadOnlyList<string> MountSources);
