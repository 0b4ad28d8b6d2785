using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Modular.Contracts.Errors;

namespace Modular.Api.Compat;

/// <summary>
/// A Docker request's JSON body; an empty body is an empty object, as Go's decoder leaves it.
/// </summary>
public static class DockerBody
{
    public static async Task<JsonObject> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength == 0)
        {
            return [];
        }

        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidInputException("decode(): request body is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"decode(): {e.Message}");
        }
    }
}
