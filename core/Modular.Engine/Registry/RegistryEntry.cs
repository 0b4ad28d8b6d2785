namespace Modular.Engine.Registry;

/// <summary>A <c>[[registry]]</c> table of registries.conf.</summary>
/// <param name="Prefix">What references it applies to; <c>location</c> when not set.</param>
public sealed record RegistryEntry(string Prefix, string Location, bool Insecure, bool Blocked);
