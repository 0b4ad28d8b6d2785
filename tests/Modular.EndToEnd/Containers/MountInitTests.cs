using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>mount / unmount of containers' root filesystems, and container init.</summary>
[Collection(Collections.Containers)]
public sealed class MountInitTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Mount_gives_the_rootfs_lists_it_and_unmount_gives_it_back()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var id = (await modpod.RunAsync("create", "--name", "mt-one", "--network", "none", image, "true")).Output;

            var mount = await modpod.RunAsync("mount", "mt-one");
            var path = mount.Output;
            var visible = File.Exists(Path.Combine(path, "bin", "busybox"));
            var list = await modpod.RunAsync("mount");
            var json = JsonNode.Parse((await modpod.RunAsync("container", "mount", "--format", "json")).Output)!.AsArray();
            var run = await modpod.RunAsync("start", "--attach", "mt-one");
            var stillMounted = File.Exists(Path.Combine(path, "bin", "busybox"));
            var unmount = await modpod.RunAsync("umount", "mt-one");
            var again = await modpod.RunAsync("unmount", "mt-one");

            ModpodAssert.Exit(0, mount);
            Assert.True(visible, path);
            Assert.Contains($"{id[..12]}  {path}", list.Lines);
            var entry = json.Single(e => e!["id"]!.GetValue<string>() == id)!;
            Assert.Equal("mt-one", entry["Names"]![0]!.GetValue<string>());
            Assert.Equal(path, entry["mountpoint"]!.GetValue<string>());
            ModpodAssert.Exit(0, run);
            Assert.True(stillMounted, "the user's mount must outlive the run");
            Assert.Equal(id, unmount.Output);
            Assert.False(File.Exists(Path.Combine(path, "bin", "busybox")));
            ModpodAssert.Exit(0, again);
            Assert.DoesNotContain(id[..12], (await modpod.RunAsync("mount")).Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "mt-one");
        }
    }

    [Fact]
    public async Task Rm_of_a_mounted_container_leaves_no_mount_behind()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("create", "--name", "mt-rm", "--network", "none", image, "true");
        var path = (await modpod.RunAsync("mount", "mt-rm")).Output;

        var rm = await modpod.RunAsync("rm", "mt-rm");

        ModpodAssert.Exit(0, rm);
        Assert.DoesNotContain($" {path} ", await File.ReadAllTextAsync("/proc/self/mountinfo"));
    }

    [Fact]
    public async Task Init_prepares_a_container_that_start_then_runs()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("create", "--name", "in-one", "--network", "none", image, "sh", "-c", "echo hi");

            var init = await modpod.RunAsync("container", "init", "in-one");
            var status = (await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "in-one")).Output;
            var again = await modpod.RunAsync("init", "in-one");
            var start = await modpod.RunAsync("start", "in-one");
            var exit = await modpod.RunAsync("wait", "in-one");
            var logs = await modpod.RunAsync("logs", "in-one");

            Assert.Equal("in-one", init.Output);
            Assert.Equal("initialized", status);
            ModpodAssert.Exit(125, again);
            Assert.EndsWith("has already been created in runtime: container state improper", again.StandardError.Trim());
            ModpodAssert.Exit(0, start);
            Assert.Equal("0", exit.Output);
            Assert.Equal("hi", logs.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "in-one");
        }
    }
}
