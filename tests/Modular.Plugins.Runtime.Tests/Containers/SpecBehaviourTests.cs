using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class SpecBehaviourTests : IClassFixture<RootfsFixture>
{
    private readonly BusyboxRootfs _rootfs;

    public SpecBehaviourTests(RootfsFixture fixture) => _rootfs = fixture.Rootfs;

    [Fact]
    public async Task Env_without_a_value_copies_the_host_value_or_stays_unset()
    {
        await using var harness = new ContainerHarness();
        Environment.SetEnvironmentVariable("RUN03_SET", "from-host");
        Environment.SetEnvironmentVariable("RUN03_UNSET", null);

        var (code, stdout, _) = await harness.RunAsync(Request(
            ["sh", "-c", "echo \"set=$RUN03_SET\"; echo \"unset=${RUN03_UNSET+present}\""])
            with { Env = ["RUN03_SET", "RUN03_UNSET"] });

        Assert.Equal(0, code);
        Assert.Equal("set=from-host\nunset=\n", stdout);
    }

    [Fact]
    public async Task The_environment_has_hostname_container_and_path()
    {
        await using var harness = new ContainerHarness();

        var (_, stdout, _) = await harness.RunAsync(Request(["env"]) with { Hostname = "box" });

        Assert.Contains("HOSTNAME=box\n", stdout);
        Assert.Contains("container=podman\n", stdout);
        Assert.Contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n", stdout);
        Assert.Contains("HOME=/root\n", stdout);
    }

    [Fact]
    public async Task A_numeric_user_absent_from_passwd_runs_with_gid_0_and_home_slash()
    {
        await using var harness = new ContainerHarness();

        var (code, stdout, stderr) = await harness.RunAsync(
            Request(["sh", "-c", "echo $(id -u):$(id -g):$HOME"]) with { User = "123456" });
        Assert.Equal("", stderr);
        var (_, withGroup, _) = await harness.RunAsync(
            Request(["sh", "-c", "echo $(id -u):$(id -g)"]) with { User = "123456:4567" });

        Assert.Equal(0, code);
        Assert.Equal("123456:0:/\n", stdout);
        Assert.Equal("123456:4567\n", withGroup);
    }

    [Fact]
    public async Task An_unknown_user_name_cannot_be_invoked_with_podmans_message()
    {
        await using var harness = new ContainerHarness();

        var error = await Assert.ThrowsAsync<CannotInvokeException>(
            () => harness.RunAsync(Request(["true"]) with { User = "nosuchuser" }));

        Assert.Equal("unable to find user nosuchuser: no matching entries in passwd file", error.Message);
    }

    [Fact]
    public async Task An_empty_entrypoint_with_a_command_runs_the_command_alone()
    {
        await using var harness = new ContainerHarness();

        var (code, stdout, _) = await harness.RunAsync(Request(["echo", "alone"]) with { Entrypoint = "" });

        Assert.Equal(0, code);
        Assert.Equal("alone\n", stdout);
    }

    [Fact]
    public async Task The_container_has_podmans_mounts_and_default_capabilities()
    {
        await using var harness = new ContainerHarness();

        var (_, stdout, _) = await harness.RunAsync(Request(
            ["sh", "-c", "grep -E ' /dev/shm | /dev/mqueue | /proc ' /proc/self/mounts; grep CapEff /proc/self/status; stat -c 'containerenv %s' /run/.containerenv"]));

        Assert.Contains("/dev/shm tmpfs", stdout);
        // 65536000 bytes: Podman's "65536k" shm_size read in decimal, as go-units does.
        Assert.Contains("size=64000k", stdout);
        Assert.Contains("/dev/mqueue mqueue", stdout);
        Assert.Contains("CapEff:\t00000000800405fb", stdout);
        // As Podman, an unprivileged container gets an empty /run/.containerenv.
        Assert.Contains("containerenv 0", stdout);
    }

    [Fact]
    public async Task A_private_network_has_loopback_only_and_host_network_shares_the_hosts()
    {
        await using var harness = new ContainerHarness();

        var (_, isolated, _) = await harness.RunAsync(Request(["cat", "/proc/net/dev"]));
        var (_, shared, _) = await harness.RunAsync(Request(["cat", "/proc/net/dev"]) with { Network = "host" });

        Assert.Equal(3, isolated.Trim().Split('\n').Length);
        Assert.Equal(File.ReadAllText("/proc/net/dev").Trim().Split('\n').Length, shared.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Logs_are_read_back_from_the_k8s_file_with_streams_and_tail()
    {
        await using var harness = new ContainerHarness();
        await harness.RunAsync(Request(["sh", "-c", "echo err >&2; sleep 0.2; echo one; echo two; echo three"]) with { Name = "talker" });

        var all = await ReadLogsAsync(harness, new LogReadOptions());
        var tail = await ReadLogsAsync(harness, new LogReadOptions(Tail: 2));

        Assert.Equal(["err", "one", "two", "three"], all.Select(line => line.Text));
        Assert.Equal("stderr", all[0].Stream);
        Assert.Equal(["two", "three"], tail.Select(line => line.Text));
    }

    [Fact]
    public async Task Following_logs_yields_new_lines_until_the_container_exits()
    {
        await using var harness = new ContainerHarness();
        var request = Request(["sh", "-c", "echo first; sleep 1; echo second"]) with { Name = "talker" };
        await harness.Service.CreateAsync(request, CancellationToken.None);
        await harness.Service.StartAsync("talker", CancellationToken.None);

        var lines = await ReadLogsAsync(harness, new LogReadOptions(Follow: true));

        Assert.Equal(["first", "second"], lines.Select(line => line.Text));
    }

    private static async Task<List<LogLine>> ReadLogsAsync(ContainerHarness harness, LogReadOptions options)
    {
        var lines = new List<LogLine>();
        await foreach (var line in harness.Service.ReadLogsAsync("talker", options, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }

    private CreateContainerRequest Request(string[] command) =>
        new() { Rootfs = _rootfs.Root, Command = command };
}
