using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// checkpoint and restore compared with the Podman 4.3.1 witness (runc, its own temp store,
/// removed by the script's trap): the --print-stats JSON keys, the checkpoint keys of
/// inspect's State after each step, and ps's status of a checkpointed container. The
/// witness gets the criu that setup-criu built first in PATH, as Debian's cannot run here.
/// </summary>
[Collection(CheckpointCollection.Name)]
public sealed class CheckpointWitnessTests
{
    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-cpwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        export PATH="$CRIU_DIR:$PATH"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness run -d --name cw --pull never localhost/busybox:latest sh -c "$COUNTER" >/dev/null
        echo '===stats'; witness container checkpoint --print-stats cw
        echo '===dumped'; witness inspect cw --format '{{json .State}}'
        echo '===ps'; witness ps -a --format '{{.Status}}' | cut -d' ' -f1-2
        echo '===rstats'; witness container restore --print-stats cw
        echo '===restored'; witness inspect cw --format '{{json .State}}'
        witness rm -f -t 0 cw >/dev/null
        """;

    [CheckpointFact(Runtime = "runc")]
    public async Task Print_stats_inspect_and_ps_after_checkpoint_and_restore_have_podmans_shape()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var witness = await WitnessAsync(store.Modpod);
        await store.RunCounterAsync("cw");

        var stats = JsonNode.Parse((await store.Modpod.RunAsync("container", "checkpoint", "--print-stats", "cw")).Output);
        var dumped = await StateAsync(store.Modpod);
        var ps = await store.Modpod.RunAsync("ps", "-a", "--format", "{{.Status}}");
        var restoreStats = JsonNode.Parse((await store.Modpod.RunAsync("container", "restore", "--print-stats", "cw")).Output);
        var restored = await StateAsync(store.Modpod);

        Assert.Equal(StatsKeys(JsonNode.Parse(witness["stats"])), StatsKeys(stats));
        Assert.Equal(StatsKeys(JsonNode.Parse(witness["rstats"])), StatsKeys(restoreStats));
        Assert.NotNull(stats!["container_statistics"]![0]!["criu_statistics"]!["freezing_time"]);
        Assert.NotNull(restoreStats!["container_statistics"]![0]!["criu_statistics"]!["restore_time"]);
        Assert.Equal(CheckpointKeys(JsonNode.Parse(witness["dumped"])), CheckpointKeys(dumped));
        Assert.Equal(CheckpointKeys(JsonNode.Parse(witness["restored"])), CheckpointKeys(restored));
        Assert.Equal(witness["ps"], string.Join(' ', ps.Output.Split(' ').Take(2)));
    }

    // criu's counters are omitted when zero, so their names vary by run: compared apart.
    private static SortedSet<string> StatsKeys(JsonNode? node) =>
        new(JsonKeys.Of(node).Where(k => !k.Contains("criu_statistics.", StringComparison.Ordinal)));

    private static SortedSet<string> CheckpointKeys(JsonNode? state) =>
        new(JsonKeys.Of(state).Where(k => k.StartsWith("Checkpoint", StringComparison.Ordinal)
            || k.StartsWith("Restore", StringComparison.Ordinal)));

    private static async Task<JsonNode?> StateAsync(ModpodFixture modpod) =>
        JsonNode.Parse((await modpod.RunAsync("inspect", "cw", "--format", "{{json .State}}")).Output);

    private static async Task<Dictionary<string, string>> WitnessAsync(ModpodFixture modpod)
    {
        var archive = Path.Combine(modpod.Directory, "work", "witness-checkpoint.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", Script])
                .WithEnvironmentVariables(env => env
                    .Set("ROOT", RepositoryPaths.Root)
                    .Set("ARCHIVE", archive)
                    .Set("COUNTER", CheckpointStore.CounterScript)
                    .Set("CRIU_DIR", Path.GetDirectoryName(CriuHost.UsablePath)))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            Assert.True(result.ExitCode == 0, "witness failed: " + result.StandardError);
            return result.StandardOutput.Split("===", StringSplitOptions.RemoveEmptyEntries)
                .Select(section => section.Split('\n', 2))
                .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
