using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Modular.Engine.Tests.Registry;

/// <summary>
/// Stands in for a registry where the real one cannot show the case: docker-registry
/// refuses to store a blob under a wrong digest and its token auth needs certificates.
/// Serves the v2 API on 127.0.0.1 over plain HTTP from dictionaries, optionally behind a
/// bearer-token challenge, and counts requests per path.
/// </summary>
public sealed class FakeRegistry : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeRegistry()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>path after /v2/ (e.g. "app/manifests/latest") to media type and body.</summary>
    public ConcurrentDictionary<string, (string MediaType, byte[] Body)> Content { get; } = new();

    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>Paths after /v2/ whose body is cut off half-way, the connection then dropped.</summary>
    public ConcurrentDictionary<string, bool> Truncated { get; } = new();

    /// <summary>When set, every manifest is served with this Docker-Content-Digest header instead of its own.</summary>
    public string? ManifestDigestHeader { get; set; }

    /// <summary>When set, /v2/ paths need "Bearer TOKEN" and /token hands it out.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>The Authorization header /token last received and the scope it asked for.</summary>
    public (string? Authorization, string? Scope) LastTokenRequest { get; private set; }

    public int Count(string pathSuffix) => Requests.Where(r => r.Key.EndsWith(pathSuffix)).Sum(r => r.Value);

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, Close removes the prefixes a second time, and .NET's
        // listener then binds the port again to do so, failing when another test took it.
        _listener.Close();
        await _loop.ContinueWith(_ => { });
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        using var response = context.Response;
        if (path == "/token")
        {
            LastTokenRequest = (context.Request.Headers["Authorization"], context.Request.QueryString["scope"]);
            Write(response, 200, "application/json", Encoding.UTF8.GetBytes($"{{\"token\":\"{RequiredToken}\"}}"));
            return;
        }

        if (RequiredToken is not null && context.Request.Headers["Authorization"] != $"Bearer {RequiredToken}")
        {
            response.AddHeader("WWW-Authenticate",
                $"Bearer realm=\"http://{Host}/token\",service=\"fake-registry\"");
            Write(response, 401, "application/json", Encoding.UTF8.GetBytes("{\"errors\":[{\"message\":\"authentication required\"}]}"));
            return;
        }

        var key = path.Length > 4 ? path[4..] : "";
        if (path == "/v2/")
        {
            Write(response, 200, "application/json", "{}"u8.ToArray());
        }
        else if (Content.TryGetValue(key, out var item))
        {
            if (key.Contains("/manifests/"))
            {
                response.AddHeader(
                    "Docker-Content-Digest", ManifestDigestHeader ?? Modular.Engine.Images.Digests.Of(item.Body));
            }

            if (Truncated.ContainsKey(key))
            {
                response.ContentLength64 = item.Body.Length;
                response.OutputStream.Write(item.Body.AsSpan(0, item.Body.Length / 2));
                response.Abort();
                return;
            }

            Write(response, 200, item.MediaType, item.Body);
        }
        else
        {
            Write(response, 404, "application/json", Encoding.UTF8.GetBytes("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"));
        }
    }

    private static void Write(HttpListenerResponse response, int status, string type, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }
}
