using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>wait --condition: -1 for a state reached, the exit code for an exit.</summary>
[Collection(Collections.Containers)]
public sealed class WaitConditionTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Wait_for_running_prints_minus_one_and_wait_for_exited_the_exit_code()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "wc-run", image, "sh", "-c", "sleep 2; exit 4");

            var running = await modpod.RunAsync("wait", "--condition=running", "wc-run");
            var exited = await modpod.RunAsync("wait", "--condition", "exited", "--interval", "100ms", "wc-run");

            ModpodAssert.Exit(0, running);
            Assert.Equal("-1", running.Output);
            ModpodAssert.Exit(0, exited);
            Assert.Equal("4", exited.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "wc-run");
        }
    }

    [Fact]
    public async Task Wait_on_a_rm_container_prints_its_exit_code_after_it_is_gone()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--rm", "--name", "wc-rm", "--network", "none", image, "sh", "-c", "sleep 2; exit 3");

            var wait = await modpod.RunAsync("wait", "wc-rm");

            ModpodAssert.Exit(0, wait);
            Assert.Equal("3", wait.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "wc-rm");
        }
    }

    [Fact]
    public async Task Any_one_of_several_conditions_suffices()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("create", "--name", "wc-created", image, "true");

            var wait = await modpod.RunAsync("wait", "--condition", "running", "--condition", "created", "wc-created");

            ModpodAssert.Exit(0, wait);
            Assert.Equal("-1", wait.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "wc-created");
        }
    }

    [Fact]
    public async Task Ignore_prints_minus_one_for_a_missing_container()
    {
        var wait = await modpod.RunAsync("wait", "--ignore", "wc-missing");
        var plain = await modpod.RunAsync("wait", "wc-missing");

        ModpodAssert.Exit(0, wait);
        Assert.Equal("-1", wait.Output);
        ModpodAssert.Exit(125, plain);
        Assert.Equal("Error: no container with name or ID \"wc-missing\" found: no such container", plain.StandardError.Trim());
    }

    [Theory]
    [InlineData("--condition", "bogus", "unknown container state: bogus: invalid argument")]
    [InlineData("--interval", "1x", "time: unknown unit \"x\" in duration \"1x\"")]
    public async Task Bad_values_are_refused_with_podmans_texts(string flag, string value, string message)
    {
        var wait = await modpod.RunAsync("wait", flag, value, "wc-any");

        ModpodAssert.Exit(125, wait);
        Assert.Equal("Error: " + message, wait.StandardError.Trim());
    }
}
