using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Build;

/// <summary>
/// <c>RUN --mount=type=bind,from=</c>: a RUN step reads an earlier stage's or an image's
/// files without copying them into its layer, and the cache follows the stage it reads.
/// </summary>
[Collection(Collections.Containers)]
public sealed class RunMountFromTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_bind_from_a_stage_is_readable_and_stays_out_of_the_layer()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", """
            FROM localhost/busybox:latest AS tools
            RUN mkdir /out && echo from-tools > /out/note
            FROM localhost/busybox:latest
            RUN --mount=type=bind,from=tools,source=/out,target=/mnt/tools cat /mnt/tools/note > /copied
            """);

        var build = await modpod.RunAsync(
            "build", "--network", "none", "-t", "localhost/mount-from", work.Path);
        var run = await modpod.RunAsync("run", "--rm", "--network", "none",
            "localhost/mount-from", "sh", "-c", "cat /copied; test -e /mnt/tools/note && echo leaked || echo clean");

        ModpodAssert.Exit(0, build);
        ModpodAssert.Exit(0, run);
        Assert.Equal("from-tools\nclean", run.Output);
    }

    [Fact]
    public async Task A_bind_from_an_image_mounts_its_root_and_a_changed_stage_misses_the_cache()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        const string file = """
            FROM localhost/busybox:latest AS data
            COPY value /value
            FROM localhost/busybox:latest
            RUN --mount=type=bind,from=localhost/busybox:latest,target=/img test -x /img/bin/busybox
            RUN --mount=type=bind,from=data,source=/value,target=/v cat /v > /seen
            """;
        work.Write("Containerfile", file);
        work.Write("value", "one\n");
        var first = await modpod.RunAsync(
            "build", "--network", "none", "-t", "localhost/mount-cache", work.Path);
        work.Write("value", "two\n");
        var second = await modpod.RunAsync(
            "build", "--network", "none", "-t", "localhost/mount-cache", work.Path);
        var run = await modpod.RunAsync(
            "run", "--rm", "--network", "none", "localhost/mount-cache", "cat", "/seen");

        ModpodAssert.Exit(0, first);
        ModpodAssert.Exit(0, second);
        Assert.Equal("two", run.Output);
    }

    [Fact]
    public async Task A_bind_from_a_later_stage_is_refused_naming_it()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", """
            FROM localhost/busybox:latest AS first
            RUN --mount=type=bind,from=second,target=/x true
            FROM localhost/busybox:latest AS second
            """);

        var build = await modpod.RunAsync(
            "build", "--network", "none", "--target", "first", work.Path);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("second", build.StandardError);
    }
}
