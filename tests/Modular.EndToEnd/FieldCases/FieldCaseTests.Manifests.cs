using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

public sealed partial class FieldCaseTests
{
    /// <summary>
    /// MAN-01: a list whose arm64 entry declares no variant, built with manifest
    /// create/add/push from a host image and an arm64 image; linux/arm64/v8 and --arch arm64
    /// must both select the arm64 entry. The member images are pushed by the test's pusher
    /// (the case's python crafting is replaced by Modular.TestImages; the list is modpod's).
    /// </summary>
    [Fact]
    public async Task MAN01_arm64_v8_selects_the_arm64_entry_without_variant_and_arch_wins()
    {
        var registry = new RegistryFixture();
        await registry.InitializeAsync();
        try
        {
            var host = await registry.PushAsync(await TestImageCatalog.UniqueAsync("x", "man01-host"), "man/one", "host");
            var arm = await registry.PushAsync(
                await TestImageCatalog.BusyboxAsync(architecture: "arm64"), "man/one", "arm64");
            var list = $"{registry.Address}/man/one:list";
            await modpod.RunAsync("manifest", "create", "localhost/man-list");
            await modpod.RunAsync("manifest", "add", "--tls-verify=false", "localhost/man-list", "docker://" + host.Reference);
            await modpod.RunAsync("manifest", "add", "--tls-verify=false", "localhost/man-list", "docker://" + arm.Reference);
            ModpodAssert.Exit(0, await modpod.RunAsync(
                "manifest", "push", "--tls-verify=false", "localhost/man-list", "docker://" + list));

            var p1 = await modpod.RunAsync("pull", "--tls-verify=false", "--arch", "arm64", "--variant", "v8", list);
            var a1 = await modpod.RunAsync("image", "inspect", "--format", "{{.Architecture}}", list);
            await modpod.RunAsync("rmi", "-f", list);
            var p2 = await modpod.RunAsync("pull", "--tls-verify=false", "--arch", "arm64", list);
            var a2 = await modpod.RunAsync("image", "inspect", "--format", "{{.Architecture}}", list);
            await modpod.RunAsync("rmi", "-f", list);
            await modpod.RunAsync("manifest", "rm", "localhost/man-list");

            Assert.Equal((0, "arm64"), (p1.ExitCode, a1.Output));
            Assert.Equal((0, "arm64"), (p2.ExitCode, a2.Output));
            Assert.DoesNotContain("no image found in manifest list", p1.StandardError + p2.StandardError);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }
}
