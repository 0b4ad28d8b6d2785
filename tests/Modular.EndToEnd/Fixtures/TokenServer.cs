using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// A fake Docker token server on 127.0.0.1, standing in for the real auth server Debian does
/// not ship, so docker-registry can run with <c>auth: token</c>. It answers
/// GET /token?service=S&amp;scope=... given <see cref="RegistryFixture.User"/>'s basic
/// credentials with an ES256 JWT granting every scope asked for, signed by a throw-away key
/// whose self-signed certificate is the registry's rootcertbundle and rides in the x5c
/// header. Wrong or missing credentials get 401. Every scope asked for is recorded.
/// </summary>
public sealed class TokenServer : IAsyncDisposable
{
    public const string Service = "modular-registry";
    public const string Issuer = "modular-test-issuer";

    private readonly HttpListener _listener = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _certificate;
    private readonly Task _loop;

    public TokenServer(string directory)
    {
        var request = new CertificateRequest("CN=modular test token issuer", _key, HashAlgorithmName.SHA256);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        RootCertBundle = Path.Combine(directory, "token-root.pem");
        File.WriteAllText(RootCertBundle, _certificate.ExportCertificatePem() + "\n");
        Realm = $"http://127.0.0.1:{FreePort()}/token";
        _listener.Prefixes.Add(Realm[..^"token".Length]);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Realm { get; }

    public string RootCertBundle { get; }

    /// <summary>Each token request's scope parameters, joined by spaces, in order.</summary>
    public ConcurrentQueue<string> Scopes { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends GetContextAsync this way.
        }

        _certificate.Dispose();
        _key.Dispose();
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

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        var scopes = context.Request.QueryString.GetValues("scope") ?? [];
        Scopes.Enqueue(string.Join(' ', scopes));
        var expected = "Basic " + Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{RegistryFixture.User}:{RegistryFixture.Password}"));
        if (context.Request.Headers["Authorization"] != expected)
        {
            response.StatusCode = 401;
            return;
        }

        var body = Encoding.UTF8.GetBytes(new JsonObject { ["token"] = Token(scopes) }.ToJsonString());
        response.ContentType = "application/json";
        response.OutputStream.Write(body);
    }

    private string Token(string[] scopes)
    {
        var header = new JsonObject
        {
            ["typ"] = "JWT",
            ["alg"] = "ES256",
            ["x5c"] = new JsonArray(Convert.ToBase64String(_certificate.RawData)),
        };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["sub"] = RegistryFixture.User,
            ["aud"] = Service,
            ["exp"] = now + 300,
            ["nbf"] = now - 10,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = new JsonArray([.. scopes.Select(Access)]),
        };
        var signed = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
            + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        // JWS ES256 is r||s, which is .NET's default (IEEE P1363) signature format.
        return signed + "." + Base64Url(_key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256));
    }

    /// <summary>"repository:NAME:ACTIONS" as a claim; the name may itself hold no colon.</summary>
    private static JsonNode Access(string scope)
    {
        var parts = scope.Split(':');
        return new JsonObject
        {
            ["type"] = parts[0],
            ["name"] = string.Join(':', parts[1..^1]),
            ["actions"] = new JsonArray([.. parts[^1].Split(',').Select(a => (JsonNode)a)]),
        };
    }

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
