using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// The staged service on a socket in a temp store with the busybox test image, and the
/// docker CLI pointed at that socket only. Stopped by its PID, even after a failure.
/// </summary>
public sealed class DockerServiceFixture : IAsyncLifetime
{
    public const string DockerCli = "/usr/local/bin/docker";

    private int _servicePid;
    private Task<ModpodResult>? _service;

    public ModpodFixture Modpod { get; } = new();

    public string Socket => Path.Combine(Modpod.Directory, "api.sock");

    public async Task InitializeAsync()
    {
        await Modpod.InitializeAsync();
        await Modpod.EnsureBusyboxAsync();
        (_servicePid, _service) = Modpod.Start("system", "service", "-t", "0", "unix://" + Socket);
        for (var i = 0; i < 150 && !File.Exists(Socket); i++)
        {
            await Task.Delay(100);
        }

        if (!File.Exists(Socket))
        {
            await DisposeAsync();
            throw new InvalidOperationException("modpod system service did not create its socket");
        }
    }

    /// <summary>Runs the docker CLI against the service; stdin optional.</summary>
    public async Task<ModpodResult> DockerWithInputAsync(string? stdin, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var command = Cli.Wrap(DockerCli)
            .WithArguments(args)
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = "unix://" + Socket,
                ["DOCKER_CONFIG"] = Path.Combine(Modpod.Directory, "docker-config"),
            })
            .WithValidation(CommandResultValidation.None);
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin));
        }

        var result = await command.ExecuteBufferedAsync(timeout.Token);
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public Task<ModpodResult> DockerAsync(params string[] args) => DockerWithInputAsync(null, args);

    public async Task DisposeAsync()
    {
        if (_servicePid > 0)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(_servicePid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }

            if (_service is not null)
            {
                await Task.WhenAny(_service, Task.Delay(TimeSpan.FromSeconds(10)));
            }

            _servicePid = 0;
        }

        await Modpod.DisposeAsync();
    }
}
