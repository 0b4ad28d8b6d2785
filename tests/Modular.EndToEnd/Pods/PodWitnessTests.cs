using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// pod ps's headers and the recursive key sets of pod ps --format json and pod inspect,
/// compared with the Podman 4.3.1 witness for the same objects: a pod with a label and one
/// created member. The witness builds its own infra image (localhost/podman-pause:4.3.1-0)
/// from catatonit without a registry; modpod, as Podman 5.5+, uses none. What current
/// Podman changed is in
/// tests/witness/allowlist.md and skipped here.
/// </summary>
public sealed class PodWitnessTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    // allowlist.md: current Podman lists RestartCount for each container of pod ps --format json.
    private static readonly string[] NewerThanWitness = ["Containers.RestartCount"];

    private const string Script = """
        set -e
        . "$ROOT/scripts/lib/witness.sh"
        WITNESS_DIR=$(mktemp -d /tmp/modular-podwit.XXXXXX)
        trap witness_cleanup EXIT
        witness_init "$WITNESS_DIR"
        witness load -q -i "$ARCHIVE" >/dev/null
        witness pod create --name wit-pod --label k=v >/dev/null
        witness create --pod wit-pod --name wit-member --pull never localhost/busybox:latest true >/dev/null
        echo '===ps'; witness pod ps
        echo '===ctr'; witness pod ps --ctr-ids --ctr-names
        echo '===json'; witness pod ps --format json
        echo '===inspect'; witness pod inspect wit-pod
        echo '===cps'; witness ps -a --pod
        """;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_ps_headers_and_pod_json_keys_match_podmans()
    {
        var witness = await WitnessAsync();
        var pod = "wit-pod-" + fixture.BridgePrefix;
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod, "--label", "k=v");
            await Modpod.RunAsync("create", "--pod", pod, ModpodFixture.Busybox, "true");

            var ps = await Modpod.RunAsync("pod", "ps", "--filter", $"name={pod}");
            var ctr = await Modpod.RunAsync("pod", "ps", "--ctr-ids", "--ctr-names", "--filter", $"name={pod}");
            var json = JsonNode.Parse((await Modpod.RunAsync("pod", "ps", "--format", "json")).Output)!;
            var inspect = JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)!.AsArray()[0];
            var containers = await Modpod.RunAsync("ps", "-a", "--pod");

            Assert.Equal(Header(witness["ps"]), Header(ps.Output));
            Assert.Equal(Header(witness["ctr"]), Header(ctr.Output));
            Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["json"])), JsonKeys.Of(json).Except(NewerThanWitness));
            Assert.Equal(JsonKeys.Of(JsonNode.Parse(witness["inspect"])), JsonKeys.Of(inspect));
            Assert.Equal(Header(witness["cps"]), Header(containers.Output));
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    // Columns by name: widths follow the values, which differ between the two stores.
    private static string[] Header(string table) =>
        table.Split('\n')[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<Dictionary<string, string>> WitnessAsync()
    {
        var archive = Path.Combine(Modpod.Directory, "work", "witness-busybox.tar");
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
