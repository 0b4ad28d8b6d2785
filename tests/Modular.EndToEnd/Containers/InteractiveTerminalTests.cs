using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// run -it, exec -it and attach driven through a real pseudo-terminal (tmux): the prompt,
/// typed input echoed back, window resizes, detach keys and exit codes.
/// </summary>
[Collection(Collections.Containers)]
public sealed class InteractiveTerminalTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Run_it_shows_the_prompt_echoes_input_follows_resizes_and_returns_the_exit_code()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await using var terminal = await TmuxTerminal.StartAsync(
                modpod.ShellCommand("run", "-it", "--name", "it-run", "--network", "none", image, "sh"));
            await terminal.WaitForAsync("/ #");

            await terminal.TypeLineAsync("echo typed-$((20+22))");
            await terminal.WaitForAsync("typed-42");
            await terminal.TypeLineAsync("stty size");
            await terminal.WaitForAsync("30 100");
            await terminal.ResizeAsync(80, 24);
            await terminal.TypeLineAsync("stty size");
            await terminal.WaitForAsync("24 80");
            await terminal.TypeLineAsync("exit 3");
            var screen = await terminal.WaitForAsync("EXIT=");

            Assert.Contains("echo typed-$((20+22))", screen);
            Assert.Contains("EXIT=3", screen);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "it-run");
        }
    }

    [Fact]
    public async Task Ctrl_p_ctrl_q_detaches_leaving_the_container_running_and_attach_gets_it_back()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await using (var first = await TmuxTerminal.StartAsync(
                modpod.ShellCommand("run", "-it", "--name", "it-detach", "--network", "none", image, "sh")))
            {
                await first.WaitForAsync("/ #");
                await first.KeysAsync("C-p", "C-q");
                Assert.Contains("EXIT=0", await first.WaitForAsync("EXIT="));
            }

            var state = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "it-detach");
            Assert.Equal("running", state.Output);

            await using var second = await TmuxTerminal.StartAsync(modpod.ShellCommand("attach", "it-detach"));
            await Task.Delay(1000);
            await second.TypeLineAsync("echo back-$((3*3))");
            await second.WaitForAsync("back-9");
            await second.TypeLineAsync("exit 4");
            await second.WaitForAsync("EXIT=");

            var exit = await modpod.RunAsync("inspect", "--format", "{{.State.ExitCode}}", "it-detach");
            Assert.Equal("4", exit.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "it-detach");
        }
    }

    [Fact]
    public async Task Exec_it_gives_a_terminal_of_its_own_and_returns_the_process_exit_code()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("run", "-d", "--name", "it-exec", "--network", "none", image, "sleep", "300");
        try
        {
            await using var terminal = await TmuxTerminal.StartAsync(
                modpod.ShellCommand("exec", "-it", "it-exec", "sh"), columns: 90, rows: 20);
            await terminal.WaitForAsync("/ #");

            await terminal.TypeLineAsync("tty; stty size");
            await terminal.WaitForAsync("20 90");
            await terminal.TypeLineAsync("exit 6");
            var screen = await terminal.WaitForAsync("EXIT=");

            Assert.Contains("/dev/pts/", screen);
            Assert.Contains("EXIT=6", screen);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "it-exec");
        }
    }

    [Fact]
    public async Task Custom_detach_keys_detach_and_the_default_ones_then_reach_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await using var terminal = await TmuxTerminal.StartAsync(modpod.ShellCommand(
                "run", "-it", "--detach-keys", "ctrl-x,x", "--name", "it-keys", "--network", "none", image, "sh"));
            await terminal.WaitForAsync("/ #");

            await terminal.KeysAsync("C-p", "C-q");
            await terminal.TypeLineAsync("echo still-$((1+1))");
            await terminal.WaitForAsync("still-2");
            await terminal.KeysAsync("C-x", "x");

            Assert.Contains("EXIT=0", await terminal.WaitForAsync("EXIT="));
            var state = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "it-keys");
            Assert.Equal("running", state.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "it-keys");
        }
    }

    [Fact]
    public async Task Detach_keys_come_from_containers_conf_when_no_flag_names_them()
    {
        await using var own = await ModpodFixture.CreateAsync(
            new StoreOptions(ExtraEngineLines: ["detach_keys = \"ctrl-x,y\""]));
        var image = await own.EnsureBusyboxAsync();

        await using var terminal = await TmuxTerminal.StartAsync(
            own.ShellCommand("run", "-it", "--name", "conf-keys", "--network", "none", image, "sh"));
        await terminal.WaitForAsync("/ #");
        await terminal.KeysAsync("C-x", "y");

        Assert.Contains("EXIT=0", await terminal.WaitForAsync("EXIT="));
        var state = await own.RunAsync("inspect", "--format", "{{.State.Status}}", "conf-keys");
        Assert.Equal("running", state.Output);
    }
}
