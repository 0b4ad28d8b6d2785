using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CliWrap;
using Modular.Engine.Images;
using Xunit;

namespace Modular.Engine.Tests.Registry;

/// <summary>
/// A real docker-registry on 127.0.0.1 with a random free port and a temp storage dir,
/// serving plain HTTP. Stopped (its process killed through CliWrap's cancellation, which
/// ends only the process it started) and its directory removed in DisposeAsync.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();
    private readonly System.Text.StringBuilder _errors = new();
    private string _directory = "";
    private Task<CommandResult>? _process;

    public string Host { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("modular-registry-test-").FullName;
        Host = $"127.0.0.1:{FreePort()}";
        var config = Path.Combine(_directory, "config.yml");
        await File.WriteAllTextAsync(config,
            $"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {_directory}/data\n"
            + $"http:\n  addr: {Host}\n");
        _process = Cli.Wrap("/usr/bin/docker-registry").WithArguments(["serve", config])
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(_errors))

            // Its output must be read: with a closed stdout it dies of SIGPIPE at start-up.
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(_errors))
            .ExecuteAsync(_stop.Token);
        await WaitUntilServingAsync();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _process!;
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Pushes blobs and the manifest; returns the registry's Docker-Content-Digest.</summary>
    public async Task<string> PushAsync(string repository, string tag, byte[] manifest, string mediaType, params byte[][] blobs)
    {
        foreach (var blob in blobs)
        {
            await PushBlobAsync(repository, blob);
        }

        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _http.PutAsync($"http://{Host}/v2/{repository}/manifests/{tag}", content);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    private async Task PushBlobAsync(string repository, byte[] blob)
    {
        using var start = await _http.PostAsync($"http://{Host}/v2/{repository}/blobs/uploads/", null);
        start.EnsureSuccessStatusCode();
        var location = start.Headers.Location!;
        var uri = location.IsAbsoluteUri ? location : new Uri(new Uri($"http://{Host}"), location);
        var separator = uri.Query.Length > 0 ? "&" : "?";
        using var put = await _http.PutAsync($"{uri}{separator}digest={Digests.Of(blob)}", new ByteArrayContent(blob));
        put.EnsureSuccessStatusCode();
    }

    private async Task WaitUntilServingAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync($"http://{Host}/v2/", timeout.Token);
                return;
            }
            catch (HttpRequestException e)
            {
                if (_process!.IsCompleted)
                {
                    throw new InvalidOperationException($"docker-registry exited ({_process.Result.ExitCode}): {_errors}", e);
                }

                // Polling the port is the only readiness signal docker-registry gives.
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
