using Modular.Cli.Output;
using Modular.Engine.Containers.Resources;

namespace Modular.Cli.Tests;

public sealed class PodStatsViewTests
{
    private static readonly ContainerStatsSample Idle =
        new(new string('c', 64), "member", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void Zero_counters_read_as_dashes_as_podman_prints_them()
    {
        var row = PodStatsView.Row(new string('p', 64), Idle);

        Assert.Equal("-- / --", (string?)row["MemUsage"]);
        Assert.Equal("-- / --", (string?)row["NetIO"]);
        Assert.Equal("--", (string?)row["PIDS"]);
        Assert.Equal("pppppppppppp", (string?)row["Pod"]);
        Assert.Equal("cccccccccccc", (string?)row["CID"]);
        Assert.Equal("0.00%", (string?)row["CPU"]);
    }

    [Fact]
    public void The_default_table_without_rows_shows_one_row_of_dashes()
    {
        var lines = PodStatsView.DefaultTable([]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("POD         CID         NAME", lines[0]);
        Assert.EndsWith("NET IO      BLOCK IO    PIDS", lines[0]);
        Assert.Equal(9, lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
