using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// top's header (default and chosen descriptors), mount --format json's keys, and the
/// lines pause, init and container prune print, compared with the Podman 4.3.1 witness
/// (scripts/lib/witness.sh, its own temp store removed by the script's trap).
/// </summary>
[Collection(Collections.Containers)]
public sealed class DayTwoWitnessTests(ModpodFixture modpod)
{
    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-daytwowit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness run -d --name dw-run --pull never localhost/busybox:latest sleep 600 >/dev/null
        witness create --name dw-made --pull never localhost/busybox:latest true >/dev/null
        echo '===top'; witness top dw-run
        echo '===topd'; witness top dw-run pid,comm,args
        echo '===pause'; witness pause dw-run; witness unpause dw-run >/dev/null
        witness mount dw-made >/dev/null
        echo '===mount'; witness mount --format json
        witness unmount dw-made >/dev/null
        echo '===init'; witness init dw-made
        witness rm -f dw-made >/dev/null
        witness create --name dw-prune --pull never localhost/busybox:latest true >/dev/null
        echo '===prune'; witness container prune -f | sed 's/^[0-9a-f]\{64\}$/ID/'
        """;

    [Fact]
    public async Task Top_mount_pause_init_and_prune_output_has_podmans_shape()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var witness = await WitnessAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "dw-run", "--network", "none", image, "sleep", "600");
            await modpod.RunAsync("create", "--name", "dw-made", "--network", "none", image, "true");
            var top = await modpod.RunAsync("top", "dw-run");
            var topd = await modpod.RunAsync("top", "dw-run", "pid,comm,args");
            var pause = await modpod.RunAsync("pause", "dw-run");
            await modpod.RunAsync("unpause", "dw-run");
            await modpod.RunAsync("mount", "dw-made");
            var mount = JsonNode.Parse((await modpod.RunAsync("mount", "--format", "json")).Output);
            await modpod.RunAsync("unmount", "dw-made");
            var init = await modpod.RunAsync("init", "dw-made");
            await modpod.RunAsync("rm", "-f", "dw-made");
            var made = await modpod.RunAsync("create", "--name", "dw-prune", "--label", "dw=1", "--network", "none", image, "true");
            var prune = await modpod.RunAsync("container", "prune", "-f", "--filter", "label=dw=1");

            Assert.Equal(Words(witness["top"].Split('\n')[0]), Words(top.Lines[0]));
            Assert.Equal(Words(witness["topd"].Split('\n')[0]), Words(topd.Lines[0]));
            Assert.Equal(witness["pause"], pause.Output);
            Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["mount"])), JsonKeys.Of(mount));
            Assert.Equal(witness["init"], init.Output);
            Assert.Equal(witness["prune"], string.Join('\n', prune.Lines.Select(l => l == made.Output ? "ID" : l)));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "dw-run", "dw-made", "dw-prune");
        }
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private Task<Dictionary<string, string>> WitnessAsync() =>
        WitnessScript.WithBusyboxAsync(Script, Path.Combine(modpod.Directory, "work", "witness-daytwo.tar"));
}
