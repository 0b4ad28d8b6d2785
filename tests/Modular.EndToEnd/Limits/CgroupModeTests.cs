using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary>
/// Where conmon goes and what <c>--cgroups</c> and <c>--cgroup-conf</c> do on this cgroup
/// v1 host, as Podman 5 does with cgroupfs: conmon in PARENT/conmon by default, left in the
/// caller's cgroup with no-conmon; split refused at start when the caller's own cgroup is the
/// root; --cgroup-conf refused before anything is created.
/// </summary>
[Collection(Collections.Containers)]
public sealed class CgroupModeTests(ModpodFixture modpod)
{
    [Theory]
    [InlineData("enabled", "/modular_parent/conmon")]
    [InlineData("no-conmon", null)]
    public async Task Conmon_goes_to_the_parents_conmon_cgroup_unless_no_conmon(string mode, string? expected)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"cgmode-{mode}";
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync(
                "run", "-d", "--name", name, "--network", "none", "--cgroups", mode, image, "sleep", "300"));
            var conmon = (await modpod.RunAsync("inspect", "--format", "{{.State.ConmonPid}}", name)).Output;

            Assert.Equal(expected ?? MemoryCgroup("self"), MemoryCgroup(conmon));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    [Fact]
    public async Task Split_fails_at_start_when_the_callers_cgroup_is_the_root()
    {
        var image = await modpod.EnsureBusyboxAsync();
        if (OwnCgroup() != "/")
        {
            return;
        }

        var result = await modpod.RunAsync("run", "--rm", "--network", "none", "--cgroups", "split", image, "true");

        ModpodAssert.Exit(126, result);
        Assert.Equal("Error: could not find cgroup mount in \"/proc/self/cgroup\"", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("memory.high=1000000", "Error: cannot use --cgroup-conf without cgroup v2")]
    [InlineData("memory.high", "Error: --cgroup-conf must be formatted KEY=VALUE")]
    public async Task Cgroup_conf_is_refused_on_cgroup_v1(string value, string error)
    {
        var image = await modpod.EnsureBusyboxAsync();
        if (CgroupProbe.IsUnified)
        {
            return;
        }

        var before = (await modpod.RunAsync("ps", "-a", "-q")).Lines.Count;

        var result = await modpod.RunAsync("run", "--rm", "--network", "none", "--cgroup-conf", value, image, "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal(error, Assert.Single(result.ErrorLines));
        Assert.Equal(before, (await modpod.RunAsync("ps", "-a", "-q")).Lines.Count);
    }

    private static string MemoryCgroup(string pid) =>
        File.ReadAllLines($"/proc/{pid}/cgroup").Select(l => l.Split(':', 3))
            .First(parts => parts[1].Split(',').Contains("memory"))[2];

    // As Podman reads it: the v2 line when there is one, else the longest v1 path.
    private static string OwnCgroup()
    {
        var paths = File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).ToList();
        return paths.FirstOrDefault(p => p[0] == "0" && p[1].Length == 0)?[2]
            ?? paths.Select(p => p[2]).MaxBy(p => p.Length)!;
    }
}
