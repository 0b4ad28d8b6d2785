using System.Net;
using CliWrap;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Service;

/// <summary>
/// systemd socket activation: Debian's systemd-socket-activate binds the socket, passes
/// it as fd 3 with LISTEN_FDS/LISTEN_PID and execs the service in its own process on the
/// first connection; the service must answer on that descriptor (Issue #10).
/// </summary>
public sealed class SocketActivationTests : IAsyncLifetime
{
    private const string Activator = "/usr/bin/systemd-socket-activate";

    private readonly ModpodFixture _modpod = new();

    public Task InitializeAsync() => _modpod.InitializeAsync();

    public Task DisposeAsync() => _modpod.DisposeAsync();

    [Fact]
    public async Task ServiceAnswersOnThePassedSocket()
    {
        Assert.True(File.Exists(Activator), "Debian's systemd package provides " + Activator);
        var socket = Path.Combine(_modpod.Directory, "activated.sock");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var environment = Environment(_modpod.Directory);
        var activator = Cli.Wrap(Activator)
            .WithArguments([
                "-l", socket,
                .. environment.SelectMany(v => new[] { "-E", v }),
                RepositoryPaths.Modpod, "--root", _modpod.GraphRoot, "--runroot", _modpod.RunRoot,
                "system", "service", "-t", "0",
            ])
            .WithStandardOutputPipe(PipeTarget.ToFile(Path.Combine(_modpod.Directory, "activated.out")))
            .WithStandardErrorPipe(PipeTarget.ToFile(Path.Combine(_modpod.Directory, "activated.err")))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(stop.Token);
        try
        {
            for (var i = 0; i < 100 && !File.Exists(socket); i++)
            {
                await Task.Delay(100);
            }

            using var http = UnixSocketHttp.Create(socket);
            using var ping = await http.GetAsync("/_ping");
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
            Assert.Equal("OK", await ping.Content.ReadAsStringAsync());
            using var images = await http.GetAsync("/v1.41/images/json");
            Assert.Equal(HttpStatusCode.OK, images.StatusCode);
        }
        finally
        {
            // Cancelling kills exactly the activator's PID, which the service replaced by exec.
            await stop.CancelAsync();
            try
            {
                await activator;
            }
            catch (OperationCanceledException)
            {
                // Expected.
            }
        }
    }

    /// <summary>The fixture's config files, passed on: the activator gives the child only what -E names.</summary>
    private static string[] Environment(string directory) =>
    [
        "CONTAINERS_CONF=" + Path.Combine(directory, "containers.conf"),
        "CONTAINERS_STORAGE_CONF=" + Path.Combine(directory, "storage.conf"),
        "CONTAINERS_REGISTRIES_CONF=" + Path.Combine(directory, "registries.conf"),
        "REGISTRY_AUTH_FILE=" + Path.Combine(directory, "auth.json"),
        "MODULAR_CONF=" + Path.Combine(directory, "modular.conf"),
        "PATH=" + System.Environment.GetEnvironmentVariable("PATH"),
        "HOME=" + System.Environment.GetEnvironmentVariable("HOME"),
        .. System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root ? ["DOTNET_ROOT=" + root] : Array.Empty<string>(),
    ];
}
