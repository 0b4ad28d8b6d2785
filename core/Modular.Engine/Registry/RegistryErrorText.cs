using System.Text.Json;

namespace Modular.Engine.Registry;

/// <summary>The message of a registry error response (<c>{"errors":[{"message":...}]}</c>).</summary>
internal static class RegistryErrorText
{
    public static async Task<string> ReadAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        // A HEAD answer has no body; containers/image says "authentication required" then.
        var fallback = response.StatusCode == System.Net.HttpStatusCode.Unauthorized
            ? "authentication required"
            : $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var json = JsonDocument.Parse(body);
            var errors = json.RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : null)
                .Where(m => !string.IsNullOrEmpty(m))
                .ToList();
            return errors.Count == 0 ? fallback : string.Join("; ", errors);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return fallback;
        }
    }
}
