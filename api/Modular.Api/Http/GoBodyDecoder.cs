using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// A JSON body read as Podman's handlers read it with Go's json.Decoder into a typed
/// struct: keys in any case, only the first value, and a member of the wrong JSON type
/// refused with Go's "cannot unmarshal" text, 400, instead of being dropped or failing
/// later with .NET's conversion text.
/// </summary>
public static class GoBodyDecoder
{
    private static readonly JsonNodeOptions AnyCase = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads the body; <paramref name="prefix"/> starts each error ("decoding request body as JSON: ").</summary>
    public static async Task<JsonObject> ReadAsync(HttpContext http, string prefix, GoStruct schema)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        if (bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return new JsonObject(AnyCase);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(ref reader, AnyCase);
        }
        catch (JsonException e)
        {
            throw Refuse(prefix, GoJsonError.Describe(Encoding.UTF8.GetString(bytes), e));
        }

        if (node is not JsonObject body)
        {
            throw Refuse(prefix, $"json: cannot unmarshal {GoStruct.KindOf(node)} into Go value of type {schema.Name}");
        }

        if (schema.Check(body, schema.Name, "") is { } mismatch)
        {
            throw Refuse(prefix, mismatch);
        }

        return body;
    }

    private static ApiException Refuse(string prefix, string cause) =>
        new(StatusCodes.Status400BadRequest, prefix + cause, cause);
}
