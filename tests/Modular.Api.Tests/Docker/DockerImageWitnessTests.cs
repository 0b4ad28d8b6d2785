using System.Text.Json.Nodes;
using CliWrap;
using Modular.Api.Tests.Service;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// The Docker tree's image answers carry the keys Podman 4.3.1's `podman system service`
/// gives for the same image (history, tag, rmi, prune). The witness service runs through
/// scripts/lib/witness.sh (own store and containers.conf, private mount namespace), on a
/// socket in its temp directory, stopped by its PID (bash, unshare and sh exec in turn).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerImageWitnessTests(DockerServiceFixture service) : IAsyncLifetime
{
    private readonly WitnessFixture _witness = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _podman;

    private string WitnessSocket => Path.Combine(_witness.Directory, "api.sock");

    public async Task InitializeAsync()
    {
        await _witness.InitializeAsync();
        var archive = Path.Combine(_witness.Directory, "busybox.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        var load = await _witness.PodmanAsync("load", "-q", "-i", archive);
        Assert.True(load.ExitCode == 0, load.ToString());
        var script = $". '{Path.Combine(RepositoryPaths.Root, "scripts", "lib", "witness.sh")}'; "
            + $"WITNESS_DIR='{_witness.Directory}'; "
            + $"eval \"exec env $(witness_command) system service -t 0 unix://{WitnessSocket}\"";
        _podman = Cli.Wrap("bash").WithArguments(["-c", script])
            .WithStandardOutputPipe(PipeTarget.ToFile(Path.Combine(_witness.Directory, "service.out")))
            .WithStandardErrorPipe(PipeTarget.ToFile(Path.Combine(_witness.Directory, "service.err")))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_stop.Token);
        for (var i = 0; i < 300 && !File.Exists(WitnessSocket); i++)
        {
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_podman is not null)
            {
                await _podman;
            }
        }
        catch (OperationCanceledException)
        {
            // Expected: the service ends when killed.
        }

        await _witness.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task HistoryTagRemoveAndPruneHaveThePodmanServicesKeys()
    {
        Assert.True(File.Exists(WitnessSocket), "podman system service did not start");
        using var modpod = UnixSocketHttp.Create(service.Socket);
        using var podman = UnixSocketHttp.Create(WitnessSocket);
        const string Image = "/v1.41/images/localhost/busybox:latest";

        await AssertSameKeysAsync(modpod, podman, c => c.GetAsync(Image + "/history"));
        await AssertSameKeysAsync(
            modpod, podman, c => c.PostAsync(Image + "/tag?repo=localhost/apiimg-wit&tag=1", null), json: false);
        await AssertSameKeysAsync(modpod, podman, c => c.DeleteAsync("/v1.41/images/localhost/apiimg-wit:1"));
        await AssertSameKeysAsync(modpod, podman, c => c.PostAsync("/v1.41/images/prune", null));
        await AssertSameKeysAsync(modpod, podman, c => c.DeleteAsync("/v1.41/images/localhost/apiimg-never:1"));
    }

    private static async Task AssertSameKeysAsync(
        HttpClient modpod,
        HttpClient podman,
        Func<HttpClient, Task<HttpResponseMessage>> request,
        bool json = true)
    {
        using var ours = await request(modpod);
        using var theirs = await request(podman);
        Assert.Equal(theirs.StatusCode, ours.StatusCode);
        if (!json)
        {
            return;
        }

        var expected = JsonKeys.Of(JsonNode.Parse(await theirs.Content.ReadAsStringAsync()));
        var actual = JsonKeys.Of(JsonNode.Parse(await ours.Content.ReadAsStringAsync()));
        Assert.Equal(expected, actual);
    }
}
