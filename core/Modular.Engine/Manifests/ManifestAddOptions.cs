namespace Modular.Engine.Manifests;

/// <summary>Flags of <c>manifest add</c>, <c>create</c> and <c>annotate</c>.</summary>
/// <param name="All">For a list: add every instance, not only the one for the platform.</param>
public sealed record ManifestAddOptions(
    bool All = false,
    string? Architecture = null,
    string? Os = null,
    string? Variant = null,
    string? OsVersion = null,
    IReadOnlyList<string>? Features = null,
    IReadOnlyList<string>? OsFeatures = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    bool? TlsVerify = null,
    string? AuthFile = null,
    string? Credentials = null);
