using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// The error object both trees answer with: Docker clients read <c>message</c>, Podman's
/// bindings read <c>cause</c> and <c>response</c> too.
/// </summary>
public static class ApiError
{
    public static Task WriteAsync(HttpContext http, int status, string message, string? cause = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["cause"] = Bounded(cause ?? message),
            ["message"] = Bounded(message),
            ["response"] = status,
        }) + "\n");
    }

    /// <summary>Longest text an error carries; the rest of an echoed input is cut.</summary>
    public const int MaxTextLength = 4096;

    // A message may quote what the client sent (a 20 MB body read as a Containerfile):
    // echoing it back whole, once per field, costs more than the request did.
    private static string Bounded(string text) =>
        text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "...";
}
