using Modular.EndToEnd.Copy;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

public sealed partial class FieldCaseTests
{
    [Fact]
    public async Task CP02_a_tar_entry_through_an_absolute_in_container_symlink_lands_under_its_target()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var run = await modpod.RunAsync(
                "run", "-d", "--name", "cp02", "--network", "none", image,
                "sh", "-c", "mkdir -p /var && rm -rf /var/run && ln -s /run /var/run && touch /ready && sleep 600");
            ModpodAssert.Exit(0, run);
            for (var i = 0; i < 100 && (await modpod.RunAsync("exec", "cp02", "test", "-e", "/ready")).ExitCode != 0; i++)
            {
                await Task.Delay(100); // Polls the container's own readiness marker.
            }

            var copy = await modpod.RunWithInputAsync(
                CopyTests.BuildTar(("var/run/cp02/file", "cp02-data\n")), "cp", "-", "cp02:/");
            var content = await modpod.RunAsync("exec", "cp02", "cat", "/run/cp02/file");
            var link = await modpod.RunAsync("exec", "cp02", "readlink", "/var/run");

            ModpodAssert.Exit(0, copy);
            Assert.Equal("cp02-data", content.Output);
            Assert.Equal("/run", link.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "cp02");
        }
    }
}
