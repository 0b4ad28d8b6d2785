using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary><c>stats</c> shows a row per running container with numbers that make sense.</summary>
[Collection(Collections.Containers)]
public sealed class StatsTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Stats_no_stream_has_a_sane_row_per_running_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "limits-stats-a", "--network", "none", "--memory", "32m", image, "sleep", "1000");
            await modpod.RunAsync("run", "-d", "--name", "limits-stats-b", "--network", "none", image, "sleep", "1000");
            await modpod.RunAsync("create", "--name", "limits-stats-c", image, "true");

            var result = await modpod.RunAsync("stats", "--no-stream", "limits-stats-a", "limits-stats-b");
            var all = await modpod.RunAsync("stats", "--no-stream", "-a", "--format", "{{.Name}}");

            ModpodAssert.Exit(0, result);
            Assert.Equal(
                ["ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET IO", "BLOCK IO", "PIDS", "CPU TIME", "AVG CPU %"],
                Columns(result.Lines[0]));
            Assert.Equal(3, result.Lines.Count);
            var a = Columns(result.Lines[1]);
            Assert.Equal("limits-stats-a", a[1]);
            Assert.Matches(@"^\d+(\.\d+)?[kM]?B / 33\.55MB$", a[3]);
            Assert.NotEqual("0B / 33.55MB", a[3]);
            Assert.Equal("1", a[7]);
            Assert.Matches(@"^\d+\.\d\d%$", a[2]);
            Assert.Contains("limits-stats-c", all.Lines);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "limits-stats-a", "limits-stats-b", "limits-stats-c");
        }
    }

    [Fact]
    public async Task Stats_of_a_missing_container_fails_with_podmans_text()
    {
        var result = await modpod.RunAsync("stats", "--no-stream", "limits-no-such");

        ModpodAssert.Exit(125, result);
        Assert.Equal(
            "Error: unable to get list of containers: unable to look up container limits-no-such: "
            + "no container with name or ID \"limits-no-such\" found: no such container",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Stats_json_reports_the_pids_of_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "limits-stats-json", "--network", "none", image,
                "sh", "-c", "sleep 1000 & sleep 1000 & wait");

            var result = await modpod.RunAsync("stats", "--no-stream", "--format", "json", "limits-stats-json");

            var row = Assert.Single(JsonNode.Parse(result.Output)!.AsArray())!;
            Assert.Equal("limits-stats-json", (string)row["name"]!);
            Assert.Equal("3", (string)row["pids"]!);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "limits-stats-json");
        }
    }

    internal static string[] Columns(string line) => Regex.Split(line.Trim(), @"\s{2,}");
}
