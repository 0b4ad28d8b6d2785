using System.Formats.Tar;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// An image whose config has no PATH (a plain rootfs imported) still runs commands by
/// name: containers.conf's default env (PATH only, in current containers/common) lies
/// under the image's.
/// </summary>
public sealed class ImportedRootfsPathTests(ModpodFixture modpod) : IClassFixture<ModpodFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-plainpath-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_command_by_name_runs_in_an_image_without_path()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_work, "rootfs", "bin")).FullName;
        File.Copy("/bin/busybox", Path.Combine(bin, "busybox"));
        foreach (var applet in new[] { "sh", "echo", "env" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, applet), "busybox");
        }

        var tar = Path.Combine(_work, "plain.tar");
        await TarFile.CreateFromDirectoryAsync(Path.Combine(_work, "rootfs"), tar, includeBaseDirectory: false);
        ModpodAssert.Exit(0, await modpod.RunAsync("import", "-q", tar, "localhost/plainpath:1"));
        try
        {
            var echo = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/plainpath:1", "echo", "hi");
            var env = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/plainpath:1", "env");

            ModpodAssert.Exit(0, echo);
            Assert.Equal("hi\n", echo.StandardOutput);
            Assert.Contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n", env.StandardOutput);
        }
        finally
        {
            await modpod.RunAsync("rmi", "-f", "localhost/plainpath:1");
        }
    }
}
