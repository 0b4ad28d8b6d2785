using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>--ipc, --pid, --uts and --cgroupns: host, private and container: modes.</summary>
[Collection(Collections.Containers)]
public sealed class NamespaceModeTests(ModpodFixture modpod)
{
    public static TheoryData<string, string> HostModes => new()
    {
        { "crun", "ipc" }, { "crun", "pid" }, { "crun", "uts" },
        { "runc", "ipc" }, { "runc", "pid" }, { "runc", "uts" },
    };

    [Theory]
    [MemberData(nameof(HostModes))]
    public async Task Host_mode_shares_the_hosts_namespace(string runtime, string ns)
    {
        var result = await RunAsync(runtime, [$"--{ns}", "host"], "readlink", $"/proc/self/ns/{ns}");

        ModpodAssert.Exit(0, result);
        Assert.Equal(HostNamespace(ns), result.Output);
    }

    [Theory]
    [InlineData("ipc")]
    [InlineData("pid")]
    [InlineData("uts")]
    public async Task By_default_the_namespace_is_the_containers_own(string ns)
    {
        var result = await RunAsync("crun", [], "readlink", $"/proc/self/ns/{ns}");

        ModpodAssert.Exit(0, result);
        Assert.NotEqual(HostNamespace(ns), result.Output);
    }

    [Fact]
    public async Task Cgroupns_private_gives_a_new_cgroup_namespace()
    {
        var result = await RunAsync("crun", ["--cgroupns", "private"], "readlink", "/proc/self/ns/cgroup");

        ModpodAssert.Exit(0, result);
        Assert.NotEqual(HostNamespace("cgroup"), result.Output);
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Container_mode_joins_the_other_containers_namespaces(string runtime)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"ns-target-{runtime}";
        ModpodAssert.Exit(0, await modpod.RunAsync(
            "--runtime", runtime, "run", "-d", "--name", name, "--network", "none", image, "sleep", "300"));
        try
        {
            foreach (var ns in new[] { "ipc", "pid", "uts" })
            {
                var joined = await RunAsync(runtime, [$"--{ns}", $"container:{name}"], "readlink", $"/proc/self/ns/{ns}");
                var target = await modpod.RunAsync("exec", name, "readlink", $"/proc/self/ns/{ns}");

                ModpodAssert.Exit(0, joined);
                Assert.Equal(target.Output, joined.Output);
            }

            var ps = await RunAsync(runtime, ["--pid", $"container:{name}"], "ps", "-o", "args");
            Assert.Contains("sleep 300", ps.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", name);
        }
    }

    [Fact]
    public async Task Container_mode_needs_a_running_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", "ns-stopped", image, "true"));
        try
        {
            var result = await RunAsync("crun", ["--pid", "container:ns-stopped"], "true");

            // As Podman's recursive start, ns-stopped is started first; its `true` is gone
            // before the join, which then fails (the check or the runtime, whichever sees it).
            ModpodAssert.Exit(125, result);
            Assert.Matches("container state improper|ns/pid", result.StandardError);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "ns-stopped");
        }
    }

    [Fact]
    public async Task An_unknown_mode_is_refused()
    {
        var result = await RunAsync("crun", ["--ipc", "bogus"], "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: unrecognized namespace mode bogus passed", Assert.Single(result.ErrorLines));
    }

    private static string HostNamespace(string ns) => new FileInfo($"/proc/self/ns/{ns}").LinkTarget!;

    private async Task<ModpodResult> RunAsync(string runtime, string[] flags, params string[] command)
    {
        var image = await modpod.EnsureBusyboxAsync();
        return await modpod.RunAsync(["--runtime", runtime, "run", "--rm", .. flags, image, .. command]);
    }
}
