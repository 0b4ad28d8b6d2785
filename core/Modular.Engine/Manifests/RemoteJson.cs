using System.Text.Encodings.Web;
using System.Text.Json;

namespace Modular.Engine.Manifests;

/// <summary>A registry's manifest re-indented as Podman prints it (four spaces).</summary>
internal static class RemoteJson
{
    private static readonly JsonWriterOptions Writer = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Indent(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            document.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
