namespace Modular.Engine.Registry;

/// <summary>A <c>[[registry]]</c> table of registries.conf.</summary>
/// <param name="Prefix">What references it applies to; <c>location</c> when not set.</param>
/// <param name="Mirrors">The <c>[[registry.mirror]]</c> tables, tried in order before the location.</param>
/// <param name="MirrorByDigestOnly">Mirrors serve only pulls by digest (the older key).</param>
public sealed record RegistryEntry(
    string Prefix,
    string Location,
    bool Insecure,
    bool Blocked,
    IReadOnlyList<RegistryMirror>? Mirrors = null,
    bool MirrorByDigestOnly = false);
