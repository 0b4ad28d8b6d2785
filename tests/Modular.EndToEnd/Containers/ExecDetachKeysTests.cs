using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>exec refuses --detach-keys it cannot parse with run's error and exit code.</summary>
[Collection(Collections.Containers)]
public sealed class ExecDetachKeysTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Exec_refuses_bad_detach_keys_as_run_does()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("run", "-d", "--name", "ex-keys", "--network", "none", image, "sleep", "300");
        try
        {
            var exec = await modpod.RunAsync("exec", "--detach-keys", "bogus", "ex-keys", "true");
            var run = await modpod.RunAsync(
                "run", "--rm", "--detach-keys", "bogus", "--network", "none", image, "true");

            Assert.Equal(125, exec.ExitCode);
            Assert.Equal("Error: invalid detach keys: Unknown character: 'bogus'", exec.StandardError.Trim());
            Assert.Equal(run.ExitCode, exec.ExitCode);
            Assert.Equal(run.StandardError.Trim(), exec.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "ex-keys");
        }
    }
}
