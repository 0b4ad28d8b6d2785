using System.Text.Json;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>Writes a schema 2 image manifest (Docker v2s2 or OCI) for a push.</summary>
internal static class PushManifest
{
    public static byte[] Write(string mediaType, Descriptor config, IEnumerable<Descriptor> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", mediaType);
            json.WritePropertyName("config");
            WriteDescriptor(json, config);
            json.WriteStartArray("layers");
            foreach (var layer in layers)
            {
                WriteDescriptor(json, layer);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteDescriptor(Utf8JsonWriter json, Descriptor descriptor)
    {
        json.WriteStartObject();
        json.WriteString("mediaType", descriptor.MediaType);
        json.WriteNumber("size", descriptor.Size);
        json.WriteString("digest", descriptor.Digest);
        json.WriteEndObject();
    }
}
