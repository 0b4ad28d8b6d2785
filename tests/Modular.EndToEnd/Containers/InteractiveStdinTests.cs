using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>-i without a terminal pipes stdin; exec's flags and exit codes follow Podman.</summary>
[Collection(Collections.Containers)]
public sealed class InteractiveStdinTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Echo_into_run_i_cat_prints_it_and_stdin_eof_ends_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var run = await modpod.RunWithInputAsync("x\n", "run", "-i", "--rm", "--network", "none", image, "cat");
        var counted = await modpod.RunWithInputAsync(
            "a\nb\nc\n", "run", "-i", "--rm", "--network", "none", image, "sh", "-c", "wc -l; exit 5");

        ModpodAssert.Exit(0, run);
        Assert.Equal("x", run.Output);
        Assert.Equal(5, counted.ExitCode);
        Assert.Equal("3", counted.Output.Trim());
    }

    [Fact]
    public async Task Run_without_i_gives_the_container_no_stdin()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var run = await modpod.RunWithInputAsync("ignored\n", "run", "--rm", "--network", "none", image, "cat");

        ModpodAssert.Exit(0, run);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Exec_takes_i_e_env_file_u_w_and_privileged_and_returns_the_exit_code()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("run", "-d", "--name", "ex-flags", "--network", "none", image, "sleep", "300");
        var envFile = Path.Combine(modpod.Directory, "work", "exec.env");
        await File.WriteAllTextAsync(envFile, "FROM_FILE=file\n");
        try
        {
            var piped = await modpod.RunWithInputAsync("in\n", "exec", "-i", "ex-flags", "cat");
            var flags = await modpod.RunAsync(
                "exec", "-e", "A=1", "--env-file", envFile, "-u", "1000:1000", "-w", "/tmp", "ex-flags",
                "sh", "-c", "echo $A $FROM_FILE; id -u; pwd; exit 9");
            var privileged = await modpod.RunAsync(
                "exec", "--privileged", "ex-flags", "sh", "-c", "grep CapEff /proc/self/status");
            var plain = await modpod.RunAsync("exec", "ex-flags", "sh", "-c", "grep CapEff /proc/self/status");
            var detached = await modpod.RunAsync("exec", "-d", "ex-flags", "sleep", "1");

            Assert.Equal("in", piped.Output);
            Assert.Equal(9, flags.ExitCode);
            Assert.Equal(["1 file", "1000", "/tmp"], flags.Output.Split('\n'));
            Assert.NotEqual(plain.Output, privileged.Output);
            ModpodAssert.Exit(0, detached);
            Assert.Matches("^[0-9a-f]{64}$", detached.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "ex-flags");
        }
    }

    [Fact]
    public async Task Exec_gives_127_for_a_missing_command_and_125_on_a_stopped_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("run", "-d", "--name", "ex-codes", "--network", "none", image, "sleep", "300");
        try
        {
            var missing = await modpod.RunWithInputAsync("", "exec", "-i", "ex-codes", "/no/such/program");
            var notExecutable = await modpod.RunWithInputAsync("", "exec", "-i", "ex-codes", "/etc/passwd");
            await modpod.RunAsync("stop", "-t", "0", "ex-codes");
            var stopped = await modpod.RunAsync("exec", "-it", "ex-codes", "true");

            Assert.Equal(127, missing.ExitCode);
            Assert.Equal(126, notExecutable.ExitCode);
            Assert.Equal(125, stopped.ExitCode);
            Assert.Equal(
                "Error: can only create exec sessions on running containers: container state improper",
                stopped.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "ex-codes");
        }
    }

    [Fact]
    public async Task Attach_to_a_stopped_container_is_refused_with_podmans_error()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("create", "--name", "at-stopped", image, "true");
        try
        {
            var attach = await modpod.RunAsync("attach", "at-stopped");

            Assert.Equal(125, attach.ExitCode);
            Assert.Equal("Error: you can only attach to running containers", attach.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "--ignore", "at-stopped");
        }
    }

    [Fact]
    public async Task Sig_proxy_forwards_sigterm_to_an_attached_container_and_false_leaves_it_running()
    {
        var image = await modpod.EnsureBusyboxAsync();
        const string Trap = "trap 'echo got-term; exit 9' TERM; echo ready; while :; do sleep 0.2; done";
        try
        {
            var proxied = modpod.Start("run", "-i", "--name", "sp-on", "--network", "none", image, "sh", "-c", Trap);
            await WaitRunningAsync("sp-on");
            await TerminateAsync(proxied.ProcessId);
            var result = await proxied.Completion;

            var unproxied = modpod.Start(
                "run", "-i", "--sig-proxy=false", "--name", "sp-off", "--network", "none", image, "sh", "-c", Trap);
            await WaitRunningAsync("sp-off");
            await TerminateAsync(unproxied.ProcessId);
            await unproxied.Completion;
            var state = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "sp-off");

            Assert.Equal(9, result.ExitCode);
            Assert.Contains("got-term", result.StandardOutput);
            Assert.Equal("running", state.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "sp-on", "sp-off");
        }
    }

    // SIGTERM to the modpod this test started, by its process ID.
    private static Task TerminateAsync(int processId) =>
        CliWrap.Cli.Wrap("kill").WithArguments(["-TERM", processId.ToString()]).ExecuteAsync().Task;

    private async Task WaitRunningAsync(string name)
    {
        for (var i = 0; i < 100; i++)
        {
            var logs = await modpod.RunAsync("logs", name);
            if (logs.Output.Contains("ready", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"{name} never said ready");
    }
}
