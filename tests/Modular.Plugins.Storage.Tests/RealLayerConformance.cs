using Modular.Contracts.Storage;
using Modular.Engine.Archive;
using Modular.Plugins.Storage.Overlay.Native;
using Xunit;

namespace Modular.Plugins.Storage.Tests;

/// <summary>Layers made by GNU tar from busybox-static, applied and run chrooted.</summary>
public abstract class RealLayerConformance
{
    protected abstract IStorageDriver NewDriver();

    [Theory]
    [InlineData("gnu")]
    [InlineData("posix")]
    public async Task A_busybox_layer_from_gnu_tar_mounts_and_runs_a_shell(string format)
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        var layer = await BusyboxLayer.CreateAsync(s.Root, format);
        await s.Driver.CreateLayerAsync("image", null, default);
        await using (var blob = File.OpenRead(layer))
        {
            await s.Driver.ApplyAsync("image", LayerArchiveReader.ReadAsync(blob, default), default);
        }

        await s.Driver.CreateLayerAsync("ctr", "image", default);

        var root = await s.Driver.MountAsync("ctr", default);
        var output = await BusyboxLayer.ChrootAsync(
            root, "/bin/sh", "-c", "echo hi > /tmp/x && /bin/busybox cat /tmp/x /bin/two");
        Assert.Equal("hipair", output.Replace("\n", ""));
        Assert.Equal("long", File.ReadAllText(Path.Combine(root, BusyboxLayer.LongName)));
        Assert.Equal(FileStat.TypeFifo, FileStat.Lstat(Path.Combine(root, "tmp/fifo"))!.Type);
        var devNull = FileStat.Lstat(Path.Combine(root, "dev/null"))!;
        Assert.Equal((1, 3), (devNull.RdevMajor, devNull.RdevMinor));
        await s.Driver.UnmountAsync("ctr", default);
    }
}
