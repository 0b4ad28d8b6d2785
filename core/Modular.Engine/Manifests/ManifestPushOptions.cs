using Modular.Engine.Images;

namespace Modular.Engine.Manifests;

/// <summary>Flags of <c>manifest push</c>.</summary>
/// <param name="All">Push every instance's manifest and blobs before the list (Podman's default).</param>
/// <param name="Format"><c>oci</c>, <c>v2s2</c> (or <c>docker</c>), or null for the list's own type.</param>
/// <param name="Remove">Delete the local list once pushed (<c>--rm</c>).</param>
public sealed record ManifestPushOptions(
    PushOptions Push,
    bool All = true,
    string? Format = null,
    bool Remove = false,
    TextWriter? Progress = null);
