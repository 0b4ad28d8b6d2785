using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Modular.Contracts.Plugins;

namespace Modular.Engine.Plugins;

/// <summary>
/// Compile-time JSON metadata for modular-plugin.json, read for every plugin by every
/// modpod process; reflection metadata made that the first, slowest JSON use of a run.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PluginManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
    public static JsonSerializerOptions CaseInsensitiveOptions() => new()
    {
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()),
    };
}
