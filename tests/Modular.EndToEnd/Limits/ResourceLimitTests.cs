using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary>
/// Limits given to run land in the container's cgroup files under both runtimes, show in
/// inspect with Podman's keys, and are enforced; bad values are refused before anything exists.
/// </summary>
[Collection(Collections.Containers)]
public sealed class ResourceLimitTests(ModpodFixture modpod)
{
    public static TheoryData<string> Runtimes => new() { "crun", "runc" };

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Memory_cpu_and_pids_limits_are_in_the_cgroup_files(string runtime)
    {
        var name = $"limits-files-{runtime}";
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var run = await modpod.RunAsync("--runtime", runtime, "run", "-d", "--name", name,
                "--network", "none", "--memory", "32m", "--memory-reservation", "16m",
                "--cpus", "0.5", "--cpu-shares", "512", "--pids-limit", "50", image, "sleep", "1000");
            ModpodAssert.Exit(0, run);
            var probe = await CgroupProbe.OfAsync(modpod, name);

            Assert.Equal("33554432", probe.Read("memory", "memory.limit_in_bytes", "memory.max"));
            Assert.Equal("50", probe.Read("pids", "pids.max", "pids.max"));
            if (!CgroupProbe.IsUnified)
            {
                Assert.Equal("67108864", probe.Read("memory", "memory.memsw.limit_in_bytes", ""));
                Assert.Equal("16777216", probe.Read("memory", "memory.soft_limit_in_bytes", ""));
                Assert.Equal("50000", probe.Read("cpu", "cpu.cfs_quota_us", ""));
                Assert.Equal("100000", probe.Read("cpu", "cpu.cfs_period_us", ""));
                Assert.Equal("512", probe.Read("cpu", "cpu.shares", ""));
            }
            else
            {
                Assert.Equal("50000 100000", probe.Read("", "", "cpu.max"));
            }
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", name);
        }
    }

    [Fact]
    public async Task Inspect_shows_the_limits_with_podmans_keys_and_values()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("create", "--name", "limits-inspect", "--memory", "32m", "--cpus", "1.5",
            "--cpu-shares", "512", "--pids-limit", "50", "--memory-reservation", "16m",
            "--cpuset-cpus", "0", "--oom-score-adj", "100", image, "true");
        try
        {
            var host = await CgroupProbe.HostConfigAsync(modpod, "limits-inspect");

            Assert.Equal(33554432, (long)host["Memory"]!);
            Assert.Equal(67108864, (long)host["MemorySwap"]!);
            Assert.Equal(16777216, (long)host["MemoryReservation"]!);
            Assert.Equal(-1, (long)host["MemorySwappiness"]!);
            Assert.Equal(1500000000, (long)host["NanoCpus"]!);
            Assert.Equal(150000, (long)host["CpuQuota"]!);
            Assert.Equal(100000, (long)host["CpuPeriod"]!);
            Assert.Equal(512, (long)host["CpuShares"]!);
            Assert.Equal(50, (long)host["PidsLimit"]!);
            Assert.Equal("0", (string)host["CpusetCpus"]!);
            Assert.Equal(100, (long)host["OomScoreAdj"]!);
            Assert.False((bool)host["OomKillDisable"]!);
            Assert.Equal("", (string)host["CgroupParent"]!);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "limits-inspect");
        }
    }

    [Fact]
    public async Task A_default_container_gets_containers_confs_pids_limit()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("create", "--name", "limits-default", image, "true");
        try
        {
            var host = await CgroupProbe.HostConfigAsync(modpod, "limits-default");

            Assert.Equal(2048, (long)host["PidsLimit"]!);
            Assert.Equal(0, (long)host["Memory"]!);
            Assert.Equal(0, (long)host["MemorySwappiness"]!);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "limits-default");
        }
    }

    [Fact]
    public async Task Two_hundred_sleeps_under_pids_limit_50_cannot_all_start()
    {
        var image = await modpod.EnsureBusyboxAsync();

        // busybox sh gives up at the first fork the pids controller refuses; each line
        // printed is one more sleep running, so the last line counts them.
        const string forkMany = "i=0; while [ $i -lt 200 ]; do sleep 1000 & i=$((i+1)); echo $i; done";
        try
        {
            var run = await modpod.RunAsync("run", "--name", "limits-pids", "--network", "none",
                "--pids-limit", "50", image, "sh", "-c", forkMany);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("can't fork", run.StandardError, StringComparison.Ordinal);
            var started = int.Parse(run.Lines[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(started, 1, 49);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "limits-pids");
        }
    }

    [Fact]
    public async Task Cgroups_disabled_makes_no_cgroup_with_crun_and_is_refused_with_runc()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var crun = await modpod.RunAsync("--runtime", "crun", "run", "--rm", "--network", "none",
            "--cgroups", "disabled", image, "cat", "/proc/self/cgroup");
        var runc = await modpod.RunAsync("--runtime", "runc", "create", "--cgroups", "disabled", image, "true");

        ModpodAssert.Exit(0, crun);
        Assert.DoesNotContain("modular", crun.Output, StringComparison.Ordinal);
        ModpodAssert.Exit(125, runc);
        Assert.Equal("Error: requested OCI runtime runc is not compatible with NoCgroups: invalid argument",
            Assert.Single(runc.ErrorLines));
    }

    [Theory]
    [InlineData("--memory abc", "invalid value for memory: invalid size: 'abc'")]
    [InlineData("--memory 1m", "minimum memory limit allowed is 6MB")]
    [InlineData("--memory 32m --memory-swap 16m", "minimum memoryswap limit should be larger than memory limit, see usage")]
    [InlineData("--memory-swap 64m", "you should always set a memory limit when using a memoryswap limit, see usage")]
    [InlineData("--memory 32m --memory-reservation 64m", "minimum memory limit cannot be less than memory reservation limit, see usage")]
    [InlineData("--memory-swappiness 200", "invalid value: 200, valid memory swappiness range is 0-100")]
    [InlineData("--cpus 1.5 --cpu-period 1000", "--cpu-period and --cpus cannot be set together")]
    [InlineData("--cpus 1.5 --cpu-quota 1000", "--cpu-quota and --cpus cannot be set together")]
    [InlineData("--cpus abc", "invalid argument \"abc\" for \"--cpus\" flag: strconv.ParseFloat: parsing \"abc\": invalid syntax")]
    [InlineData("--cpu-shares abc", "invalid argument \"abc\" for \"-c, --cpu-shares\" flag: strconv.ParseUint: parsing \"abc\": invalid syntax")]
    [InlineData("--pids-limit abc", "invalid argument \"abc\" for \"--pids-limit\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData("--cpuset-cpus 77", "requested CPUs are not available - requested 77, available: 0-")]
    [InlineData("--cgroups bogus", "invalid cgroup mode \"bogus\": invalid argument")]
    public async Task A_bad_limit_is_refused_in_one_line_and_creates_nothing(string flags, string message)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        var result = await modpod.RunAsync(["create", .. flags.Split(' '), image, "true"]);
        var after = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        ModpodAssert.Exit(125, result);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("Error: ", line);
        Assert.Contains(message, line);
        Assert.Equal(before.Output, after.Output);
    }
}
