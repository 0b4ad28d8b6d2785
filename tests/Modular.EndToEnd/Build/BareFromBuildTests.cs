using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Build;

/// <summary>
/// A Containerfile of a bare FROM builds nothing new, as with buildah: the result is the
/// base image (030-run's --authfile test builds one and leaves no &lt;none&gt; image).
/// </summary>
[Collection(Collections.Containers)]
public sealed class BareFromBuildTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_bare_from_is_the_base_image_tagged_and_a_label_still_commits()
    {
        var busybox = await modpod.EnsureBusyboxAsync();
        var baseId = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", busybox)).Output;
        using var work = new BuildContext();
        work.Write("Containerfile", $"FROM {busybox}\n");

        var build = await modpod.RunAsync("build", "-t", "localhost/bare-from", work.Path);
        var tagged = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", "localhost/bare-from")).Output;
        var labelled = await modpod.RunAsync("build", "-q", "--label", "x=y", work.Path);
        await modpod.RunAsync("rmi", "localhost/bare-from");
        await modpod.RunAsync("rmi", labelled.Output);

        ModpodAssert.Exit(0, build);
        Assert.Equal(baseId, tagged);
        Assert.Equal(baseId, build.Lines[^1]);
        Assert.Contains($"--> {baseId[..12]}", build.Lines);
        ModpodAssert.Exit(0, labelled);
        Assert.NotEqual(baseId, labelled.Output);
    }
}
