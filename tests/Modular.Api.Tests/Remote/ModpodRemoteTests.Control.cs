using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>The day-two verbs through the remote client: pause ... update, stats, healthcheck.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Pause_unpause_restart_and_rename_match_the_local_commands()
    {
        await CtlSleeperAsync("remote-ctl");

        Assert.Equal("remote-ctl", await CtlRemoteOkAsync("pause", "remote-ctl"));
        await AssertSameAsync("inspect", "--format", "{{.State.Status}}", "remote-ctl");
        Assert.Equal("remote-ctl", await CtlRemoteOkAsync("unpause", "remote-ctl"));
        Assert.Equal("remote-ctl", await CtlRemoteOkAsync("restart", "-t", "0", "remote-ctl"));
        await AssertSameAsync("inspect", "--format", "{{.State.Status}} {{.RestartCount}}", "remote-ctl");
        Assert.Equal("", await CtlRemoteOkAsync("rename", "remote-ctl", "remote-ctl2"));
        await AssertSameAsync("ps", "-a", "--filter", "name=remote-ctl", "--format", "{{.Names}} {{.State}}");

        await Store.RunAsync("rm", "-f", "-t", "0", "remote-ctl2");
    }

    [Fact]
    public async Task Init_prints_the_name_and_leaves_the_container_initialized()
    {
        var create = await Store.RunAsync("create", "--name", "remote-init", "--network", "none", ModpodFixture.Busybox);
        Assert.True(create.ExitCode == 0, create.ToString());

        Assert.Equal("remote-init", await CtlRemoteOkAsync("init", "remote-init"));
        await AssertSameAsync("inspect", "--format", "{{.State.Status}}", "remote-init");

        await Store.RunAsync("rm", "-f", "-t", "0", "remote-init");
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("unpause")]
    [InlineData("restart")]
    [InlineData("init")]
    [InlineData("top")]
    [InlineData("stats", "--no-stream")]
    [InlineData("update", "--memory", "64m")]
    [InlineData("healthcheck", "run")]
    public async Task A_missing_container_fails_as_locally(params string[] verb)
    {
        await CtlSameFailureAsync([.. verb, "no-such-remote-ctl"]);
    }

    [Fact]
    public async Task Rename_to_a_taken_name_fails_as_locally()
    {
        await CtlSleeperAsync("remote-taken-a");
        await CtlSleeperAsync("remote-taken-b");

        await CtlSameFailureAsync("rename", "remote-taken-a", "remote-taken-b");

        await Store.RunAsync("rm", "-f", "-t", "0", "remote-taken-a", "remote-taken-b");
    }

    [Fact]
    public async Task Top_and_pod_top_match_the_local_commands()
    {
        var pod = await Store.RunAsync("pod", "create", "--name", "remote-top-pod", "--network", "none");
        Assert.True(pod.ExitCode == 0, pod.ToString());
        var run = await Store.RunAsync(
            "run", "-d", "--pod", "remote-top-pod", "--name", "remote-top", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());

        await AssertSameAsync("top", "remote-top", "pid", "user", "args");
        await AssertSameAsync("pod", "top", "remote-top-pod", "pid", "comm");

        await Store.RunAsync("pod", "rm", "-f", "-t", "0", "remote-top-pod");
    }

    [Fact]
    public async Task Update_sets_the_limits_as_the_local_command_does()
    {
        await CtlSleeperAsync("remote-upd");

        var update = await RemoteAsync("update", "--memory", "64m", "--pids-limit", "50", "--cpus", "0.5", "remote-upd");
        Assert.True(update.ExitCode == 0, update.ToString());
        var local = await Store.RunAsync("update", "--memory", "64m", "--pids-limit", "50", "--cpus", "0.5", "remote-upd");
        Assert.Equal(local.StandardOutput, update.StandardOutput);
        await AssertSameAsync(
            "inspect", "--format", "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} {{.HostConfig.CpuQuota}}", "remote-upd");
        await CtlSameFailureAsync("update", "--memory", "lots", "remote-upd");

        await Store.RunAsync("rm", "-f", "-t", "0", "remote-upd");
    }

    [Fact]
    public async Task Stats_without_stream_match_the_local_command()
    {
        await CtlSleeperAsync("remote-stats");

        await AssertSameAsync("stats", "--no-stream", "--format", "{{.ID}} {{.Name}} {{.PIDs}}", "remote-stats");
        var table = await RemoteAsync("stats", "--no-stream", "remote-stats");
        var localTable = await Store.RunAsync("stats", "--no-stream", "remote-stats");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal(localTable.Lines[0], table.Lines[0]);

        await Store.RunAsync("rm", "-f", "-t", "0", "remote-stats");
    }

    [Fact]
    public async Task Healthcheck_run_matches_the_local_command()
    {
        var run = await Store.RunAsync(
            "run", "-d", "--name", "remote-health", "--network", "none", "--health-cmd", "true",
            ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());

        var remote = await RemoteAsync("healthcheck", "run", "remote-health");
        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.Equal("", remote.Output);
        await AssertSameAsync("inspect", "--format", "{{.State.Health.Status}}", "remote-health");

        await Store.RunAsync("rm", "-f", "-t", "0", "remote-health");
        await CtlSameFailureAsync("healthcheck", "run", "remote-health");
    }

    [Fact]
    public async Task Pod_prune_removes_the_pods_without_running_containers()
    {
        var create = await RemoteAsync("pod", "create", "--name", "remote-prune-pod", "--network", "none");
        Assert.True(create.ExitCode == 0, create.ToString());

        var prune = await RemoteAsync("pod", "prune", "-f");

        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Contains(create.Output, prune.Lines);
        Assert.Equal(1, (await Store.RunAsync("pod", "exists", "remote-prune-pod")).ExitCode);
    }

    [Fact]
    public async Task Ps_size_matches_the_local_command()
    {
        await CtlSleeperAsync("remote-size");
        var write = await Store.RunAsync("exec", "remote-size", "sh", "-c", "echo data > /tmp/file");
        Assert.True(write.ExitCode == 0, write.ToString());

        await AssertSameAsync("ps", "-a", "--size", "--filter", "name=remote-size", "--format", "{{.Names}} {{.Size}}");

        await Store.RunAsync("rm", "-f", "-t", "0", "remote-size");
    }

    [Fact]
    public async Task Mount_is_refused_remotely_as_by_podman_remote()
    {
        var result = await RemoteAsync("mount");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("Error: unrecognized command `modpod mount`", result.StandardError.Trim());
    }

    [Fact]
    public async Task Container_cleanup_is_refused_remotely_as_by_podman_remote()
    {
        var result = await RemoteAsync("container", "cleanup", "no-such-remote-cleanup");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("Error: not implemented", result.StandardError.Trim());
    }

    private async Task CtlSleeperAsync(string name)
    {
        var run = await Store.RunAsync("run", "-d", "--name", name, "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private async Task<string> CtlRemoteOkAsync(params string[] args)
    {
        var result = await RemoteAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    private async Task CtlSameFailureAsync(params string[] args)
    {
        var local = await Store.RunAsync(args);
        var remote = await RemoteAsync(args);

        Assert.NotEqual(0, local.ExitCode);
        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.StandardError, remote.StandardError);
    }
}
