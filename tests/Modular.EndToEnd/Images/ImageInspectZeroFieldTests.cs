using System.Formats.Tar;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// Podman's image config is a struct: a template reads a field the image never set as its
/// zero value, while the JSON still omits it.
/// </summary>
public sealed class ImageInspectZeroFieldTests(ModpodFixture modpod) : IClassFixture<ModpodFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-zerofield-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Image_inspect_templates_read_unset_config_fields_as_empty()
    {
        var rootfs = Directory.CreateDirectory(Path.Combine(_work, "rootfs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(rootfs, "hello"), "hi\n");
        var tar = Path.Combine(_work, "plain.tar");
        await TarFile.CreateFromDirectoryAsync(rootfs, tar, includeBaseDirectory: false);
        ModpodAssert.Exit(0, await modpod.RunAsync("import", "-q", tar, "localhost/zerofield:1"));
        try
        {
            var fields = await modpod.RunAsync(
                "image", "inspect", "localhost/zerofield:1",
                "--format", "{{.Config.Entrypoint}} {{.Config.Env}} {{.Config.Labels}} [{{.Config.User}}]");
            var json = await modpod.RunAsync("image", "inspect", "localhost/zerofield:1", "--format", "{{json .Config}}");
            var unknown = await modpod.RunAsync("image", "inspect", "localhost/zerofield:1", "--format", "{{.Config.Nope}}");

            ModpodAssert.Exit(0, fields);
            Assert.Equal("[] [] map[] []\n", fields.StandardOutput);
            Assert.DoesNotContain("Entrypoint", json.StandardOutput);
            Assert.Equal(125, unknown.ExitCode);
        }
        finally
        {
            await modpod.RunAsync("rmi", "-f", "localhost/zerofield:1");
        }
    }
}
