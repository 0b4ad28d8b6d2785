using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary>
/// The same limits and stats in modpod and the Podman witness: HostConfig resource values,
/// the stats table header and the keys of <c>stats --format json</c>.
/// </summary>
[Collection(Collections.Containers)]
public sealed class LimitsWitnessTests(ModpodFixture modpod)
{
    private static readonly string[] Flags =
    [
        "--memory", "32m", "--cpus", "1.5", "--pids-limit", "50", "--cpu-shares", "512",
        "--memory-reservation", "16m", "--cpuset-cpus", "0", "--oom-score-adj", "100",
    ];

    private static readonly string[] ResourceKeys =
    [
        "Memory", "MemorySwap", "MemoryReservation", "MemorySwappiness", "NanoCpus", "CpuQuota",
        "CpuPeriod", "CpuShares", "CpusetCpus", "CpusetMems", "PidsLimit", "BlkioWeight",
        "OomKillDisable", "OomScoreAdj", "CgroupParent", "Cgroups", "CpuRealtimePeriod",
        "CpuRealtimeRuntime", "CpuCount", "CpuPercent", "DiskQuota", "KernelMemory",
        "IOMaximumIOps", "IOMaximumBandwidth",
    ];

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-limwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness create --pull never --name wit-lim $FLAGS localhost/busybox:latest true >/dev/null
        echo '===host'; witness inspect --format '{{json .HostConfig}}' wit-lim
        witness run -d --pull never --name wit-run localhost/busybox:latest sleep 1000 >/dev/null
        echo '===stats'; witness stats --no-stream wit-run
        echo '===json'; witness stats --no-stream --format json wit-run
        witness rm -f -t 0 wit-run wit-lim >/dev/null
        """;

    [Fact]
    public async Task Limits_and_stats_match_the_witness()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var witness = await WitnessAsync();
        await modpod.RunAsync(["create", "--name", "wit-lim", .. Flags, image, "true"]);
        await modpod.RunAsync("run", "-d", "--name", "wit-run", "--network", "none", image, "sleep", "1000");
        try
        {
            var host = await CgroupProbe.HostConfigAsync(modpod, "wit-lim");
            var stats = await modpod.RunAsync("stats", "--no-stream", "wit-run");
            var json = await modpod.RunAsync("stats", "--no-stream", "--format", "json", "wit-run");

            var witnessHost = (JsonObject)JsonNode.Parse(witness["host"])!;
            foreach (var key in ResourceKeys)
            {
                Assert.True(JsonNode.DeepEquals(witnessHost[key], host[key]), $"{key}: witness {witnessHost[key]}, modpod {host[key]}");
            }

            Assert.Equal(StatsTests.Columns(witness["stats"].Split('\n')[0]), StatsTests.Columns(stats.Lines[0]));
            Assert.Equal(KeysOf(witness["json"]), KeysOf(json.Output));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "wit-run", "wit-lim");
        }
    }

    private static string[] KeysOf(string json) =>
        [.. ((JsonObject)JsonNode.Parse(json)!.AsArray()[0]!).Select(pair => pair.Key)];

    private async Task<Dictionary<string, string>> WitnessAsync()
    {
        var archive = Path.Combine(modpod.Directory, "work", "witness-limits.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
        try
        {
            var result = await Cli.Wrap("bash")
                .WithArguments(["-c", Script])
                .WithEnvironmentVariables(env => env
                    .Set("ROOT", RepositoryPaths.Root)
                    .Set("ARCHIVE", archive)
                    .Set("FLAGS", string.Join(' ', Flags)))
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
