using Modular.EndToEnd.Fixtures;
using Modular.EndToEnd.Limits;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 6 tester findings 6, 13, 14 and 16: a lowered --ulimit is said once, sizes past
/// int64 are refused before anything exists, a refused update leaves the cgroup as inspect
/// shows it, and --cpus -1 means no limit as in Podman.
/// </summary>
[Collection(Collections.Containers)]
public sealed class LimitFindingTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_ulimit_above_the_callers_hard_limit_is_lowered_with_one_warning()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var hard = (await modpod.RunAsync("run", "--rm", "--network", "none", image, "sh", "-c", "ulimit -Hn")).Output;

        var high = await modpod.RunAsync("run", "--rm", "--network", "none", "--ulimit", "nofile=99999999",
            image, "sh", "-c", "ulimit -Hn");
        var unlimited = await modpod.RunAsync("run", "--rm", "--network", "none", "--ulimit", "nofile=-1",
            image, "sh", "-c", "ulimit -Hn");
        var fits = await modpod.RunAsync("run", "--rm", "--network", "none", "--ulimit", "nofile=100",
            image, "sh", "-c", "ulimit -Hn");

        ModpodAssert.Exit(0, high);
        Assert.Equal(hard, high.Output);
        var warning = Assert.Single(high.ErrorLines);
        Assert.Matches(@"^WARN\[\d{4}\] ulimit nofile=99999999 lowered to nofile=\d+:\d+", warning);
        Assert.Contains($"nofile={hard}:{hard}", warning);
        ModpodAssert.Exit(0, unlimited);
        Assert.Contains("ulimit nofile=-1 lowered to", Assert.Single(unlimited.ErrorLines));
        ModpodAssert.Exit(0, fits);
        Assert.Equal("", fits.StandardError);
    }

    [Theory]
    [InlineData("--memory", "99999999999999999999", "invalid value for memory")]
    [InlineData("--memory", "9999999999999999g", "invalid value for memory")]
    [InlineData("--memory-reservation", "99999999999p", "invalid value for memory-reservation")]
    [InlineData("--shm-size", "9999999999999999g", "unable to translate --shm-size")]
    public async Task A_size_past_int64_is_refused_at_create(string flag, string value, string prefix)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        var result = await modpod.RunAsync("create", "--network", "none", flag, value, image, "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal($"Error: {prefix}: invalid size: '{value}'", Assert.Single(result.ErrorLines));
        Assert.Equal(before.Output, (await modpod.RunAsync("ps", "-a", "-q", "--no-trunc")).Output);
    }

    [Fact]
    public async Task A_refused_update_leaves_the_cgroup_as_inspect_shows_it()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = "lf-shares-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("--runtime", "runc", "run", "-d", "--name", name,
                "--network", "none", "--cpu-shares", "512", image, "sleep", "1000"));

            var update = await modpod.RunAsync("update", "--cpu-shares", "1", name);

            var probe = await CgroupProbe.OfAsync(modpod, name);
            var inspected = (long)(await CgroupProbe.HostConfigAsync(modpod, name))["CpuShares"]!;
            Assert.Equal(inspected.ToString(System.Globalization.CultureInfo.InvariantCulture),
                probe.Read("cpu", "cpu.shares", "cpu.weight"));
            if (update.ExitCode == 0)
            {
                Assert.Equal(1, inspected);
            }
            else
            {
                Assert.Equal(512, inspected);
            }
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    [Fact]
    public async Task Negative_cpus_mean_no_limit_as_in_podman()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = "lf-cpus-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            var created = await modpod.RunAsync("create", "--network", "none", "--name", name, "--cpus", "-1", image, "true");

            ModpodAssert.Exit(0, created);
            Assert.Equal("0 0", (await modpod.RunAsync("inspect", "--format",
                "{{.HostConfig.NanoCpus}} {{.HostConfig.CpuQuota}}", name)).Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "--ignore", name);
        }
    }
}
