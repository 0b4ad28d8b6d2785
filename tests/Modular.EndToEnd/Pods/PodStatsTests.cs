using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 6: pod stats prints a row per running container with its pod, under Podman's
/// fixed header (cmd/podman/pods/stats.go), and as JSON keyed by PodStatsReport's Go
/// field names.
/// </summary>
public sealed class PodStatsTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private static readonly string[] Header =
        ["POD", "CID", "NAME", "CPU %", "MEM USAGE/ LIMIT", "MEM %", "NET IO", "BLOCK IO", "PIDS"];

    private static readonly string[] JsonKeys =
        ["BlockIO", "CID", "CPU", "Mem", "MemUsage", "MemUsageBytes", "Name", "NetIO", "PIDS", "Pod"];

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_stats_prints_a_row_per_running_container_with_its_pod()
    {
        var pod = Unique("stats");
        try
        {
            var id = (await Modpod.RunAsync("pod", "create", "--name", pod)).Output;
            var name = pod + "-member";
            await Modpod.RunAsync("run", "-d", "--pod", pod, "--name", name, Image, "sleep", "300");

            var table = await Modpod.RunAsync("pod", "stats", "--no-stream", pod);
            var json = await Modpod.RunAsync("pod", "stats", "--no-stream", "--format", "json", pod);
            var names = await Modpod.RunAsync("pod", "stats", "--no-stream", "--format", "{{.Pod}} {{.Name}}", id);

            ModpodAssert.Exit(0, table);
            Assert.Equal(Header, Columns(table.Lines[0]));
            Assert.Equal(3, table.Lines.Count);
            Assert.All(table.Lines.Skip(1), line => Assert.StartsWith(id[..12] + "  ", line));
            var rows = JsonNode.Parse(json.Output)!.AsArray();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, row => Assert.Equal(JsonKeys, row!.AsObject().Select(p => p.Key).Order()));
            Assert.Contains(rows, row => (string?)row!["Name"] == name);
            Assert.StartsWith("[\n     {\n          \"CPU\": ", json.StandardOutput);
            Assert.Contains($"{id[..12]} {name}", names.Lines);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_stats_of_a_pod_with_nothing_running_prints_dashes_or_nothing()
    {
        var pod = Unique("idle");
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod);

            var table = await Modpod.RunAsync("pod", "stats", "--no-stream", pod);
            var json = await Modpod.RunAsync("pod", "stats", "--no-stream", "--format", "json", pod);
            var template = await Modpod.RunAsync("pod", "stats", "--no-stream", "--format", "{{.CID}}", pod);

            ModpodAssert.Exit(0, table);
            Assert.Equal(Enumerable.Repeat("--", 9), Columns(table.Lines[1]));
            Assert.Equal("[]", json.Output);
            Assert.Equal("", template.Output);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_stats_refuses_all_with_names_and_unknown_pods()
    {
        var both = await Modpod.RunAsync("pod", "stats", "--no-stream", "-a", "some-pod");
        var missing = await Modpod.RunAsync("pod", "stats", "--no-stream", "no-such-pod-" + fixture.BridgePrefix);

        ModpodAssert.Exit(125, both);
        Assert.Equal("Error: --all, --latest and arguments cannot be used together", both.ErrorLines.Single());
        Assert.NotEqual(0, missing.ExitCode);
        Assert.StartsWith("Error: unable to get list of pods: no pod with name or ID", missing.ErrorLines.Single());
    }

    private static string[] Columns(string line) =>
        line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string Unique(string stem) => $"{stem}-{fixture.BridgePrefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
