namespace Modular.Engine.Manifests;

/// <summary>One instance of a manifest list: its descriptor and platform, as the list shows them.</summary>
/// <param name="Source">
/// Where its manifest and blobs come from when the list is pushed: <c>docker://REPO@DIGEST</c>
/// or <c>containers-storage:IMAGE-ID</c>. Kept beside the list, never in its JSON.
/// </param>
public sealed record ManifestListEntry(
    string MediaType,
    long Size,
    string Digest,
    string Architecture,
    string Os,
    string Variant,
    string OsVersion,
    IReadOnlyList<string> OsFeatures,
    IReadOnlyList<string> Features,
    IReadOnlyDictionary<string, string> Annotations,
    string Source);
