using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// A JSON request body read the way Go's json.Decoder reads it in Podman's handlers:
/// keys match in any case ("name" fills Name), only the first value counts (trailing
/// text is ignored), and an empty body is an empty object.
/// </summary>
public static class RequestBody
{
    private static readonly JsonNodeOptions AnyCase = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The body's object (keys matched in any case); empty when there is no body.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        if (bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return new JsonObject(AnyCase);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            return JsonNode.Parse(ref reader, AnyCase) as JsonObject ?? new JsonObject(AnyCase);
        }
        catch (JsonException e)
        {
            var cause = GoJsonError.Describe(Encoding.UTF8.GetString(bytes), e);
            throw new ApiException(StatusCodes.Status500InternalServerError,
                "Decode(): " + cause, cause);
        }
    }

    /// <summary>A string member, or null when absent, null or not a string.</summary>
    public static string? Text(this JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A boolean member, or null when absent or not a boolean.</summary>
    public static bool? Flag(this JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;
}
