using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// JSON as containers/image writes it: compact, with '+' and '&lt;' left as they are
/// (the default encoder writes "\u002B", which other tools read but nobody else writes).
/// </summary>
internal static class TransportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);
}
