using System.Diagnostics;
using System.Net.Sockets;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// The witness Podman's own API service (scripts/lib/witness.sh: own config and store in a
/// temp dir, private mount namespace, no default network) on a socket in that dir, for
/// comparing Docker-tree JSON keys with modpod-service's. Stopped by its PID, then
/// witness_cleanup removes what it made, even after a failure.
/// </summary>
public sealed class PodmanServiceWitness : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modular-apiwitness-").FullName;
    private int _pid;
    private Task<BufferedCommandResult>? _service;

    public string Socket => Path.Combine(_directory, "podman.sock");

    private static string Script => Path.Combine(RepositoryPaths.Root, "scripts", "lib", "witness.sh");

    public async Task InitializeAsync()
    {
        // exec: the PID CliWrap reports becomes Podman's own, so it can be stopped by it.
        var script = $"set -e; . '{Script}'; witness_init '{_directory}'; "
            + $"eval \"exec env $(witness_command) system service -t 0 unix://{Socket}\"";
        var command = Cli.Wrap("bash").WithArguments(["-c", script])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        _pid = command.ProcessId;
        _service = command.Task;
        if (!await ListeningAsync())
        {
            await DisposeAsync();
            throw new InvalidOperationException("the witness podman system service did not listen");
        }
    }

    public async Task DisposeAsync()
    {
        if (_pid > 0)
        {
            try
            {
                using var process = Process.GetProcessById(_pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }

            await Task.WhenAny(_service ?? Task.CompletedTask, Task.Delay(TimeSpan.FromSeconds(10)));
            _pid = 0;
        }

        await Cli.Wrap("bash")
            .WithArguments(["-c", $". '{Script}'; WITNESS_DIR='{_directory}'; witness_cleanup"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
    }

    private async Task<bool> ListeningAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            if (File.Exists(Socket))
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(Socket));
                    return true;
                }
                catch (SocketException)
                {
                    // Not listening yet.
                }
            }

            await Task.Delay(100);
        }

        return false;
    }
}
