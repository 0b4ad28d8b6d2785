using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Modular.Engine.Images;

namespace Modular.Engine.State;

/// <summary>
/// Compile-time JSON metadata for what the stores read and write on every command (the
/// container rows, images.json, layers.json). Reflection-built metadata cost each modpod
/// process tens of milliseconds of JIT before its first container or image was read.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ContainerConfig))]
[JsonSerializable(typeof(ContainerRuntimeState))]
[JsonSerializable(typeof(List<ImageRecord>))]
[JsonSerializable(typeof(List<LayerRecord>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
    /// <summary>Web defaults, as the stores always used; other types fall back to reflection.</summary>
    public static JsonSerializerOptions WebOptions() => new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()),
    };
}
