using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>Masked paths, read-only root, devices, ulimits, sysctls and --init, seen from inside.</summary>
[Collection(Collections.Containers)]
public sealed class HardeningFlagTests(ModpodFixture modpod)
{
    public static TheoryData<string> Runtimes => new() { "crun", "runc" };

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Masked_paths_read_as_empty_and_read_only_paths_refuse_writes(string runtime)
    {
        var result = await RunAsync(runtime, [], "sh", "-c",
            "cat /proc/timer_list | wc -c; ls /sys/firmware | wc -l; echo 1 > /proc/sys/kernel/domainname || echo refused");

        ModpodAssert.Exit(0, result);
        Assert.Equal(["0", "0", "refused"], result.Lines);
    }

    [Fact]
    public async Task Unmask_all_and_mask_change_the_masked_paths()
    {
        var result = await RunAsync("crun", ["--security-opt", "unmask=ALL", "--security-opt", "mask=/etc/passwd"],
            "sh", "-c", "cat /etc/passwd | wc -c; head -c 5 /proc/timer_list | wc -c");

        ModpodAssert.Exit(0, result);
        Assert.Equal(["0", "5"], result.Lines);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Read_only_root_keeps_tmpfs_on_tmp_var_tmp_and_run(string runtime)
    {
        var result = await RunAsync(runtime, ["--read-only"], "sh", "-c",
            "touch /x 2>/dev/null || echo root-ro; touch /tmp/x /var/tmp/x /run/x && echo tmp-rw");

        ModpodAssert.Exit(0, result);
        Assert.Equal(["root-ro", "tmp-rw"], result.Lines);
    }

    [Fact]
    public async Task Read_only_tmpfs_false_leaves_tmp_read_only()
    {
        var result = await RunAsync("crun", ["--read-only", "--read-only-tmpfs=false"], "sh", "-c",
            "touch /tmp/x 2>/dev/null || echo tmp-ro");

        Assert.Equal("tmp-ro", result.Output);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Device_adds_the_host_node_under_its_own_or_a_new_name(string runtime)
    {
        var result = await RunAsync(runtime, ["--device", "/dev/fuse", "--device", "/dev/fuse:/dev/myfuse:r"],
            "sh", "-c", "stat -c '%t:%T %F' /dev/fuse /dev/myfuse");

        ModpodAssert.Exit(0, result);
        Assert.Equal(["a:e5 character special file", "a:e5 character special file"], result.Lines);
    }

    [Fact]
    public async Task A_missing_device_is_refused()
    {
        var result = await RunAsync("crun", ["--device", "/dev/no-such-device"], "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: stat /dev/no-such-device: no such file or directory", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Ulimit_sets_soft_and_hard_limits(string runtime)
    {
        var result = await RunAsync(runtime, ["--ulimit", "nofile=500:600", "--ulimit", "nproc=100"],
            "sh", "-c", "ulimit -Sn; ulimit -Hn; ulimit -u");

        ModpodAssert.Exit(0, result);
        Assert.Equal(["500", "600", "100"], result.Lines);
    }

    [Fact]
    public async Task Ulimit_soft_above_hard_is_refused_with_podmans_text()
    {
        var result = await RunAsync("crun", ["--ulimit", "nofile=700:600"], "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: ulimit option \"nofile=700:600\" requires name=SOFT:HARD, failed to be parsed: "
            + "ulimit soft limit must be less than or equal to hard limit: 700 > 600",
            Assert.Single(result.ErrorLines));
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Namespaced_sysctls_are_set_inside(string runtime)
    {
        var result = await RunAsync(runtime, ["--sysctl", "net.ipv4.ip_forward=1", "--sysctl", "kernel.msgmax=9000"],
            "cat", "/proc/sys/net/ipv4/ip_forward", "/proc/sys/kernel/msgmax");

        ModpodAssert.Exit(0, result);
        Assert.Equal(["1", "9000"], result.Lines);
    }

    [Theory]
    [InlineData("kernel.hostname=x", "Error: sysctl 'kernel.hostname' is not allowed")]
    [InlineData("net.ipv4.ip_forward=1",
        "Error: sysctl net.ipv4.ip_forward=1 can't be set since Network Namespace set to host: invalid argument")]
    public async Task Sysctls_outside_the_containers_namespaces_are_refused(string sysctl, string error)
    {
        var result = await RunAsync("crun", ["--network", "host", "--sysctl", sysctl], "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal(error, Assert.Single(result.ErrorLines));
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Init_runs_catatonit_as_pid_1(string runtime)
    {
        var result = await RunAsync(runtime, ["--init"], "sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline");

        ModpodAssert.Exit(0, result);
        Assert.StartsWith("/run/podman-init -- sh -c", result.Output);
    }

    [Fact]
    public async Task Group_add_adds_groups_by_number_and_name()
    {
        var result = await RunAsync("crun", ["--group-add", "10", "--group-add", "nobody"], "id", "-G");

        ModpodAssert.Exit(0, result);
        Assert.Contains("10", result.Output.Split(' '));
        Assert.Contains("65534", result.Output.Split(' '));
    }

    private async Task<ModpodResult> RunAsync(string runtime, string[] flags, params string[] command)
    {
        var image = await modpod.EnsureBusyboxAsync();
        return await modpod.RunAsync(["--runtime", runtime, "run", "--rm", .. flags, image, .. command]);
    }
}
