using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>exec without a terminal: output, environment, working directory and exit codes.</summary>
[Collection(Collections.Containers)]
public sealed class ExecTests(ModpodFixture modpod)
{
    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task Exec_runs_in_the_container_with_its_environment_and_returns_the_exit_code()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "ex1", "-e", "FROM_RUN=1", image, "sleep", "300");

            var env = await modpod.RunAsync("exec", "-e", "FOO=bar", "ex1", "sh", "-c", "echo $FOO $FROM_RUN; exit 7");
            var cwd = await modpod.RunAsync("container", "exec", "-w", "/tmp", "ex1", "pwd");
            var missing = await modpod.RunAsync("exec", "ex1", "/nonexistent");
            var empty = await modpod.RunAsync("exec", "ex1");

            Assert.Equal(7, env.ExitCode);
            Assert.Equal("bar 1", env.Output);
            Assert.Equal("/tmp", cwd.Output);
            Assert.Equal(127, missing.ExitCode);
            ModpodAssert.Exit(125, empty);
            Assert.Equal("Error: must provide a non-empty command to start an exec session", empty.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "ex1");
        }
    }

    [Fact]
    public async Task Exec_in_a_container_that_is_not_running_is_refused()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("create", "--name", "ex2", image, "true");

            var exec = await modpod.RunAsync("exec", "ex2", "true");

            ModpodAssert.Exit(125, exec);
            Assert.Equal(
                "Error: can only create exec sessions on running containers: container state improper",
                exec.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "ex2");
        }
    }

    [Fact]
    public async Task Health_on_failure_kill_kills_the_container_once_unhealthy()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "ex-kill", "--health-cmd", "false", "--health-interval", "1s",
                "--health-retries", "1", "--health-on-failure", "kill", image, "sleep", "300");

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            var state = "";
            while (state != "exited 137" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                state = (await modpod.RunAsync("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "ex-kill")).Output;
            }

            Assert.Equal("exited 137", state);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "ex-kill");
        }
    }
}
