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
            ["cause"] = cause ?? message,
            ["message"] = message,
            ["response"] = status,
        }) + "\n");
    }
}
