using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// run and create flags Podman's system tests (030-run.bats) exercise: --runtime-flag and
/// runtimes_flags, --timeout, --attach, --kernel-memory, --rmi's refusal, --log-opt sizes,
/// --workdir that must exist, /etc/mtab, containers.conf oom_score_adj and read_only.
/// </summary>
[Collection(Collections.Containers)]
public sealed class RunCompatFlagTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_runtime_flag_reaches_the_runtime_and_its_refusal_exits_126()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var run = await modpod.RunAsync("--runtime-flag", "invalidflag", "run", "--rm", "--network", "none", image, "true");

        ModpodAssert.Exit(126, run);
        Assert.Contains("invalidflag", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Timeout_kills_the_container_and_records_exit_code_minus_one()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"timeout-{Guid.NewGuid().ToString("N")[..8]}";
        try
        {
            var run = await modpod.RunAsync("run", "--name", name, "--timeout", "2", "--network", "none", image, "sleep", "60");
            var state = await modpod.RunAsync("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name);

            Assert.Equal(255, run.ExitCode);
            Assert.Equal("exited -1", state.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task Attach_stdin_only_prints_the_container_id_and_hides_its_output()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"attach-{Guid.NewGuid().ToString("N")[..8]}";
        try
        {
            var run = await modpod.RunAsync("run", "--name", name, "--attach", "stdin", "--network", "none", image, "echo", "hello");
            var id = await modpod.RunAsync("inspect", "--format", "{{.Id}}", name);

            ModpodAssert.Exit(0, run);
            Assert.Equal(id.Output, run.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task Kernel_memory_warns_and_rmi_refuses_an_explicit_rm_false()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var kernel = await modpod.RunAsync("run", "--rm", "--kernel-memory", "100", "--network", "none", image, "true");
        var rmi = await modpod.RunAsync("run", "--rmi", "--rm=false", "--network", "none", image, "true");

        ModpodAssert.Exit(0, kernel);
        Assert.Contains("The --kernel-memory flag is no longer supported. This flag is a noop.", kernel.StandardError);
        ModpodAssert.Exit(125, rmi);
        Assert.Equal("Error: the --rmi option does not work without --rm", Assert.Single(rmi.ErrorLines));
    }

    [Fact]
    public async Task Log_size_is_decimal_and_shown_as_podman_does()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"logsize-{Guid.NewGuid().ToString("N")[..8]}";
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", name, "--log-opt", "max-size=5.123m", image, "true"));
            var size = await modpod.RunAsync("inspect", "--format", "{{.HostConfig.LogConfig.Size}}", name);

            Assert.Equal("5.123MB", size.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", name);
        }
    }

    [Fact]
    public async Task A_missing_workdir_given_by_the_user_fails_with_126_and_mtab_is_linked()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var missing = await modpod.RunAsync("run", "--rm", "--workdir", "/i/do/not/exist", "--network", "none", image, "pwd");
        var mtab = await modpod.RunAsync("run", "--rm", "--network", "none", image, "readlink", "/etc/mtab");

        ModpodAssert.Exit(126, missing);
        Assert.Matches("^Error: workdir \"/i/do/not/exist\" does not exist on container [0-9a-f]{64}$", Assert.Single(missing.ErrorLines));
        ModpodAssert.Exit(0, mtab);
        Assert.Equal("/proc/mounts", mtab.Output);
    }

    [Fact]
    public async Task Containers_conf_read_only_and_oom_score_adj_apply_unless_flags_override()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var conf = Path.Combine(modpod.Directory, $"override-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(conf, "[containers]\nread_only = true\noom_score_adj = 123\n");
        var env = new Dictionary<string, string?> { ["CONTAINERS_CONF_OVERRIDE"] = conf };
        try
        {
            var readOnly = await modpod.RunAsync(["run", "--rm", "--network", "none", image, "touch", "/ro"], env);
            var writable = await modpod.RunAsync(["run", "--rm", "--read-only=false", "--network", "none", image, "touch", "/rw"], env);
            var dev = await modpod.RunAsync(["run", "--rm", "--read-only-tmpfs=false", "--network", "none", image, "touch", "/dev/x"], env);
            var score = await modpod.RunAsync(["run", "--rm", "--network", "none", image, "cat", "/proc/self/oom_score_adj"], env);

            ModpodAssert.Exit(1, readOnly);
            ModpodAssert.Exit(0, writable);
            ModpodAssert.Exit(1, dev);
            Assert.Equal("touch: /dev/x: Read-only file system", dev.StandardError.Trim());
            Assert.Equal("123", score.Output);
        }
        finally
        {
            File.Delete(conf);
        }
    }
}
