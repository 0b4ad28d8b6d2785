using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// pod stats' header and JSON keys, and the pod status after pod pause, compared with the
/// Podman 4.3.1 witness for a pod with one running member. Values differ between the two
/// stores, so only column names, key names and the status word are compared.
/// </summary>
public sealed class PodStatsWitnessTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-podstatswit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness pod create --name wit-stats >/dev/null
        witness run -d --pod wit-stats --pull never localhost/busybox:latest sleep 300 >/dev/null
        echo '===table'; witness pod stats --no-stream wit-stats
        echo '===json'; witness pod stats --no-stream --format json wit-stats
        witness pod pause wit-stats >/dev/null
        echo '===paused'; witness pod ps --format '{{.Status}}'
        witness pod unpause wit-stats >/dev/null
        witness pod rm -f -t 0 wit-stats >/dev/null
        """;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_stats_header_json_keys_and_paused_status_match_podmans()
    {
        var witness = await WitnessAsync();
        var pod = "wit-stats-" + fixture.BridgePrefix;
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod);
            await Modpod.RunAsync("run", "-d", "--pod", pod, ModpodFixture.Busybox, "sleep", "300");

            var table = await Modpod.RunAsync("pod", "stats", "--no-stream", pod);
            var json = await Modpod.RunAsync("pod", "stats", "--no-stream", "--format", "json", pod);
            await Modpod.RunAsync("pod", "pause", pod);
            var paused = await Modpod.RunAsync("pod", "ps", "--filter", $"name={pod}", "--format", "{{.Status}}");

            Assert.Equal(Header(witness["table"]), Header(table.Output));
            Assert.Equal(Keys(witness["json"]), Keys(json.Output));
            Assert.Equal(witness["paused"], paused.Output);
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    private static string[] Header(string table) =>
        table.Split('\n')[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Keys(string json) =>
        JsonNode.Parse(json)!.AsArray().SelectMany(row => row!.AsObject().Select(p => p.Key))
            .Distinct().Order(StringComparer.Ordinal).ToArray();

    private async Task<Dictionary<string, string>> WitnessAsync()
    {
        var archive = Path.Combine(Modpod.Directory, "work", "witness-stats-busybox.tar");
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", Script])
                .WithEnvironmentVariables(env => env.Set("ROOT", RepositoryPaths.Root).Set("ARCHIVE", archive))
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
