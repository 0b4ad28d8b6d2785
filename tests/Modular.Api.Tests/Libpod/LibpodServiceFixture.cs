using System.Diagnostics;
using System.Net.Sockets;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// The staged service on a unix socket in a private store (ModpodFixture's), and
/// `podman --remote` 4.3.1 pointed at it with a HOME and containers.conf of its own, so
/// it never reads the user's connections nor touches Podman's store. Stopped by PID.
/// </summary>
public sealed class LibpodServiceFixture : IAsyncLifetime
{
    private int _servicePid;
    private Task<ModpodResult>? _service;

    public ModpodFixture Store { get; } = new();

    public string Socket => Path.Combine(Store.Directory, "api.sock");

    private string PodmanHome => Path.Combine(Store.Directory, "podman-home");

    public async Task InitializeAsync()
    {
        await Store.InitializeAsync();
        await Store.EnsureBusyboxAsync();
        Directory.CreateDirectory(PodmanHome);
        await File.WriteAllTextAsync(Path.Combine(PodmanHome, "containers.conf"), "");
        (_servicePid, _service) = Store.Start("system", "service", "-t", "0", "unix://" + Socket);
        await WaitForSocketAsync();
    }

    /// <summary>Runs `podman --remote --url unix://SOCKET args`.</summary>
    public async Task<ModpodResult> PodmanAsync(params string[] args)
    {
        var result = await Cli.Wrap("podman")
            .WithArguments(["--remote", "--url", "unix://" + Socket, .. args])
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["HOME"] = PodmanHome,
                ["XDG_CONFIG_HOME"] = PodmanHome,
                ["XDG_RUNTIME_DIR"] = PodmanHome,
                ["CONTAINERS_CONF"] = Path.Combine(PodmanHome, "containers.conf"),
                ["CONTAINER_HOST"] = null,
                ["CONTAINER_CONNECTION"] = null,
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_servicePid > 0)
            {
                using var process = Process.GetProcessById(_servicePid);
                process.Kill();
                await (_service ?? Task.CompletedTask);
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        finally
        {
            await Store.DisposeAsync();
        }
    }

    private async Task WaitForSocketAsync()
    {
        for (var i = 0; i < 150; i++)
        {
            if (File.Exists(Socket))
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(Socket));
                    return;
                }
                catch (SocketException)
                {
                    // Not listening yet.
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("modpod system service did not listen on " + Socket);
    }
}
