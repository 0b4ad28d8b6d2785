using System.Net;
using System.Net.Sockets;
using CliWrap;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// A real docker-registry (Debian's docker-distribution) on 127.0.0.1 with no auth (or,
/// from <see cref="StartWithAuthAsync"/>, htpasswd auth), its storage in a temp directory.
/// Stopped by its own PID and deleted in DisposeAsync.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private const string Executable = "/usr/bin/docker-registry";

    /// <summary>The one user of an htpasswd registry.</summary>
    public const string User = "modular";

    /// <summary>Its password; <see cref="PasswordHash"/> is this password's bcrypt hash.</summary>
    public const string Password = "modular-secret";

    // bcrypt (cost 5, so the registry checks it fast) of Password, made once with
    // python3 -c 'import crypt; print(crypt.crypt("modular-secret",
    // crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1<<5)))'; fixed so tests need no tool.
    private const string PasswordHash = "$2b$05$YNxfzw/tw6IiARXteguVGeY/NpAxhwKpYZjt6OiwbCbp/5XPgSCOO";

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _accessLog = new();
    private bool _auth;
    private bool _schema1;
    private TokenServer? _token;
    private TestCertificates? _tls;

    private readonly CancellationTokenSource _stop = new();
    private HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private CommandTask<CommandResult>? _server;

    public string Directory { get; } =
        System.IO.Directory.CreateTempSubdirectory("modular-registry-").FullName;

    /// <summary>host:port, e.g. 127.0.0.1:41234.</summary>
    public string Address { get; private set; } = string.Empty;

    public string Storage => Path.Combine(Directory, "storage");

    /// <summary>The registry's access log: one line per request, method, path and status.</summary>
    public string AccessLog => Path.Combine(Directory, "access.log");

    /// <summary>A registry that wants <see cref="User"/> and <see cref="Password"/> (basic auth).</summary>
    public static async Task<RegistryFixture> StartWithAuthAsync()
    {
        var registry = new RegistryFixture { _auth = true };
        await registry.InitializeAsync();
        return registry;
    }

    /// <summary>
    /// A registry serving HTTPS with a certificate of a throw-away CA and requiring a
    /// client certificate of that CA; <see cref="Certificates"/> has the certs.d directory.
    /// </summary>
    public static async Task<RegistryFixture> StartWithTlsAsync()
    {
        var registry = new RegistryFixture();
        registry._tls = TestCertificates.Create(Path.Combine(registry.Directory, "tls"));
        registry._http.Dispose();

        // Trusts any server certificate: it only polls the registry this fixture started.
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        var certs = registry._tls.CertDirectory;
        handler.ClientCertificates.Add(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(
            Path.Combine(certs, "client.cert"), Path.Combine(certs, "client.key")));
        registry._http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        await registry.InitializeAsync();
        return registry;
    }

    /// <summary>A registry with <c>auth: token</c>, trusting the tokens of <paramref name="token"/>.</summary>
    public static async Task<RegistryFixture> StartWithTokenAuthAsync(TokenServer token)
    {
        var registry = new RegistryFixture { _auth = true, _token = token };
        await registry.InitializeAsync();
        return registry;
    }

    /// <summary>A registry that accepts signed Docker schema 1 manifests (off by default in distribution).</summary>
    public static async Task<RegistryFixture> StartWithSchema1Async()
    {
        var registry = new RegistryFixture { _schema1 = true };
        await registry.InitializeAsync();
        return registry;
    }

    public TestCertificates? Certificates => _tls;

    private string Scheme => _tls is null ? "http" : "https";

    /// <summary>
    /// The access log's requests so far, as "METHOD PATH STATUS". The registry writes a
    /// line after each response, so a marker request is sent and awaited in the log: every
    /// request answered before it is then there too.
    /// </summary>
    public async Task<IReadOnlyList<string>> RequestsAsync()
    {
        var marker = "/v2/?marker=" + Guid.NewGuid().ToString("N");
        using (await _http.GetAsync($"{Scheme}://{Address}{marker}"))
        {
        }

        for (var attempt = 0; attempt < 200; attempt++)
        {
            var lines = _accessLog.ToArray();
            var end = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
            if (end >= 0)
            {
                return [.. lines[..end].Select(ParseRequest).OfType<string>()];
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("the registry's access log never showed the marker request");
    }

    private static string? ParseRequest(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, "\"([A-Z]+) ([^ \"]+) HTTP/[0-9.]+\" ([0-9]+)");
        return match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value} {match.Groups[3].Value}" : null;
    }

    public async Task InitializeAsync()
    {
        Address = "127.0.0.1:" + FreePort();
        var config = Path.Combine(Directory, "config.yml");
        var htpasswd = Path.Combine(Directory, "htpasswd");
        await File.WriteAllTextAsync(htpasswd, $"{User}:{PasswordHash}\n");
        var auth = _token is not null
            ? $"""

            auth:
              token:
                realm: {_token.Realm}
                service: {TokenServer.Service}
                issuer: {TokenServer.Issuer}
                rootcertbundle: {_token.RootCertBundle}
            """
            : _auth
            ? $"""

            auth:
              htpasswd:
                realm: modular-test
                path: {htpasswd}
            """
            : "";
        if (_tls is not null)
        {
            auth += $"""

              tls:
                certificate: {_tls.ServerCertificate}
                key: {_tls.ServerKey}
                clientcas:
                  - {_tls.Authority}
            """;
        }

        if (_schema1)
        {
            auth += """

            compatibility:
              schema1:
                enabled: true
            """;
        }

        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Storage}
              delete:
                enabled: true
            http:
              addr: {Address}
            """ + auth);

        // Both streams go to files: CliWrap's null target closes its pipe and the
        // registry then dies of SIGPIPE on its first access-log line.
        // Cancelling the token makes CliWrap kill exactly this process, by its PID.
        _server = Cli.Wrap(Executable)
            .WithArguments(["serve", config])
            .WithStandardOutputPipe(PipeTarget.Merge(
                PipeTarget.ToFile(Path.Combine(Directory, "access.log")),
                PipeTarget.ToDelegate(_accessLog.Enqueue)))
            .WithStandardErrorPipe(PipeTarget.ToFile(Path.Combine(Directory, "log")))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_stop.Token);
        try
        {
            await WaitUntilServingAsync();
        }
        catch (InvalidOperationException)
        {
            // xunit does not dispose a fixture whose start failed; stop and delete here.
            await DisposeAsync();
            throw;
        }
    }

    public RegistryPusher Pusher => RegistryPusher.ForHost(_http, Address);

    /// <summary>Pushes and returns the pullable reference "127.0.0.1:PORT/REPO:TAG".</summary>
    public async Task<(string Reference, string Digest)> PushAsync(
        TestImage image,
        string repository,
        string tag = "latest",
        ManifestFormat format = ManifestFormat.DockerSchema2)
    {
        var digest = await Pusher.PushAsync(repository, tag, image, format);
        return ($"{Address}/{repository}:{tag}", digest);
    }

    /// <summary>The Docker-Content-Digest the registry sends for a tag's manifest.</summary>
    public async Task<string> ContentDigestAsync(string repository, string tag, string mediaType)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Head, $"http://{Address}/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.ParseAdd(mediaType);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    /// <summary>
    /// Flips bytes in the middle of a stored blob, keeping its size, so only a digest
    /// check can notice. Use a blob no other test shares (see TestImageCatalog.UniqueAsync).
    /// </summary>
    public async Task CorruptBlobAsync(string digest)
    {
        var hex = Digests.Hex(digest);
        var data = Path.Combine(Storage, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");
        var bytes = await File.ReadAllBytesAsync(data);
        for (var i = bytes.Length / 2; i < Math.Min(bytes.Length, bytes.Length / 2 + 16); i++)
        {
            bytes[i] ^= 0xFF;
        }

        await File.WriteAllBytesAsync(data, bytes);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_server is not null)
        {
            try
            {
                await _server;
            }
            catch (OperationCanceledException)
            {
                // Expected: this is how the registry was stopped.
            }
        }

        _http.Dispose();
        _stop.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task WaitUntilServingAsync()
    {
        // Polling is the synchronisation here: the registry has no readiness signal.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await _http.GetAsync($"{Scheme}://{Address}/v2/");
                if (response.StatusCode == HttpStatusCode.OK
                    || (_auth && response.StatusCode == HttpStatusCode.Unauthorized))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_server!.Task.IsCompleted)
            {
                break;
            }

            await Task.Delay(100);
        }

        var log = Path.Combine(Directory, "log");
        var state = _server!.Task.IsCompleted ? $"exited {_server.Task.Result.ExitCode}" : "running";
        throw new InvalidOperationException(
            $"docker-registry ({state}) did not answer on {Address}: "
            + (File.Exists(log) ? File.ReadAllText(log) : string.Empty));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
