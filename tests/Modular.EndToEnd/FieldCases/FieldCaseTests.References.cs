using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

public sealed partial class FieldCaseTests
{
    /// <summary>
    /// REF-04 builds ref04/app; modpod has no build yet, so the same fault (a short name
    /// with a namespace must find localhost/ns/app without a registry) is tested with tag.
    /// </summary>
    [Fact]
    public async Task REF04_an_image_named_ns_app_is_found_by_its_short_name_without_a_registry()
    {
        // An image of its own, left with the one name under test once the source name goes.
        var source = "localhost/ref04-source:latest";
        await modpod.LoadAsync(await TestImageCatalog.UniqueAsync(source, "ref04"), expectSuccess: true);
        ModpodAssert.Exit(0, await modpod.RunAsync("tag", source, "ref04/app"));
        ModpodAssert.Exit(0, await modpod.RunAsync("rmi", source));

        var listed = await modpod.RunAsync(
            "images", "--format", "{{.Repository}}:{{.Tag}}", "--filter", "reference=ref04/app");
        var byShort = await modpod.RunAsync("run", "--rm", "ref04/app", "echo", "ref04-ok");
        var byFull = await modpod.RunAsync(
            "run", "--rm", "--pull=never", "localhost/ref04/app:latest", "echo", "ref04-ok");
        await modpod.RunAsync("rmi", "localhost/ref04/app:latest");

        Assert.Equal("localhost/ref04/app:latest", listed.Output);
        Assert.Equal((0, "ref04-ok"), (byShort.ExitCode, byShort.Output));
        Assert.Equal((0, "ref04-ok"), (byFull.ExitCode, byFull.Output));
        Assert.DoesNotContain("Trying to pull", byShort.StandardError + byFull.StandardError);
    }
}
