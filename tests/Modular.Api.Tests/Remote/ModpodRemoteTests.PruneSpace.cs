using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>system prune --volumes counts the removed volumes' data, remotely and locally.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task System_prune_volumes_counts_the_removed_volumes_in_the_reclaimed_space()
    {
        foreach (var remote in new[] { true, false })
        {
            await FillVolumeAsync("prune-space-data", 300_000);

            var prune = remote
                ? await RemoteAsync("system", "prune", "-f", "--volumes")
                : await Store.RunAsync("system", "prune", "-f", "--volumes");

            Assert.True(prune.ExitCode == 0, prune.ToString());
            Assert.Contains("prune-space-data", prune.Lines);
            Assert.DoesNotContain("Total reclaimed space: 0B", prune.Lines);
            Assert.Matches(@"^Total reclaimed space: [1-9][\d.]*[kMG]B$", prune.Lines.Last());
        }
    }

    private async Task FillVolumeAsync(string name, int bytes)
    {
        Assert.Equal(0, (await Store.RunAsync("volume", "create", name)).ExitCode);
        var mountpoint = (await Store.RunAsync("volume", "inspect", "--format", "{{.Mountpoint}}", name)).Output.Trim();
        await File.WriteAllBytesAsync(Path.Combine(mountpoint, "data.bin"), new byte[bytes]);
    }
}
