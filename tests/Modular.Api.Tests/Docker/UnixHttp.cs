using System.Text;
using System.Text.Json.Nodes;

namespace Modular.Api.Tests.Docker;

/// <summary>An HttpClient on a service's unix socket, for requests no CLI makes verbatim.</summary>
public sealed class UnixHttp(string socketPath) : IDisposable
{
    private readonly HttpClient _client = WithBase(Service.UnixSocketHttp.Create(socketPath));

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _client.Dispose();

    private static HttpClient WithBase(HttpClient client)
    {
        client.BaseAddress = new Uri("http://d/v1.41/");
        return client;
    }
}
