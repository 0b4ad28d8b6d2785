using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Build;

/// <summary>build's cache, output and failure behaviour, as a user sees them.</summary>
[Collection(Collections.Containers)]
public sealed class BuildTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Rebuilding_with_one_changed_source_reuses_every_step_before_its_copy()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("first.txt", "one\n");
        work.Write("second.txt", "two\n");
        work.Write("Containerfile", """
            FROM localhost/busybox:latest
            ENV STAGE=cache
            RUN echo step > /step
            COPY first.txt /first.txt
            RUN cat /first.txt > /first.copy
            COPY second.txt /second.txt
            RUN cat /second.txt > /second.copy
            """);
        string[] build = ["build", "--network", "none", "-t", "localhost/build-cache", work.Path];
        ModpodAssert.Exit(0, await modpod.RunAsync(build));

        work.Write("second.txt", "TWO\n");
        var rebuild = await modpod.RunAsync(build);
        var run = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/build-cache", "cat", "/second.copy");

        ModpodAssert.Exit(0, rebuild);
        var cached = rebuild.Lines.Where(l => l.StartsWith("--> Using cache ", StringComparison.Ordinal)).Count();
        Assert.Equal(4, cached);
        Assert.Contains("STEP 6/7: COPY second.txt /second.txt\n--> ", rebuild.Output);
        Assert.DoesNotContain("STEP 6/7: COPY second.txt /second.txt\n--> Using cache", rebuild.Output);
        Assert.Equal("TWO", run.Output);
    }

    [Fact]
    public async Task A_failing_run_exits_with_its_status_and_leaves_no_container_or_image()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nRUN exit 5\n");
        var before = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");

        var build = await modpod.RunAsync("build", "--network", "none", "--layers=false", "-t", "localhost/build-fail", work.Path);

        var after = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        ModpodAssert.Exit(5, build);
        Assert.Equal("Error: building at STEP \"RUN exit 5\": while running runtime: exit status 5", build.ErrorLines[^1]);
        Assert.Empty((await modpod.RunAsync("ps", "-a", "-q", "--external", "--filter", "label=io.modular.build-container")).Lines);
        Assert.Equal(before.Lines.Order(), after.Lines.Order());
    }

    [Fact]
    public async Task Build_prints_podmans_step_commit_and_tag_lines_and_the_id_last()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nENV A=1\nRUN echo out-of-run\nCMD [\"sh\"]\n");

        var build = await modpod.RunAsync("build", "--no-cache", "--network", "none", "-t", "localhost/build-lines", work.Path);

        ModpodAssert.Exit(0, build);
        var lines = build.Lines;
        Assert.Equal("STEP 1/4: FROM localhost/busybox:latest", lines[0]);
        Assert.Equal("STEP 2/4: ENV A=1", lines[1]);
        Assert.Matches("^--> [0-9a-f]{12}$", lines[2]);
        Assert.Equal("STEP 3/4: RUN echo out-of-run", lines[3]);
        Assert.Equal("out-of-run", lines[4]);
        Assert.Equal("STEP 4/4: CMD [\"sh\"]", lines[6]);
        Assert.Equal("COMMIT localhost/build-lines", lines[7]);
        Assert.Equal("Successfully tagged localhost/build-lines:latest", lines[9]);
        Assert.Matches("^[0-9a-f]{64}$", lines[10]);
        Assert.StartsWith(lines[8][4..], lines[10]);
    }

    [Fact]
    public async Task A_missing_target_stage_exits_125_naming_it()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest AS one\n");

        var build = await modpod.RunAsync("build", "--target", "absent", work.Path);

        ModpodAssert.Exit(125, build);
        Assert.Contains("\"absent\"", build.StandardError);
    }

    [Fact]
    public async Task Build_args_follow_arg_scope_env_shadowing_and_warn_when_unused()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", """
            FROM localhost/busybox:latest
            ARG USED=default
            ENV USED=from-env
            ARG TARGETARCH
            RUN echo "used=[$USED] arch=[$TARGETARCH]" > /args
            """);

        var build = await modpod.RunAsync(
            "build", "--no-cache", "--network", "none", "--build-arg", "USED=cli",
            "--build-arg", "ZED=1", "--build-arg", "ALPHA=2", "-t", "localhost/build-args", work.Path);
        var run = await modpod.RunAsync(
            "run", "--rm", "--network", "none", "localhost/build-args", "cat", "/args");

        ModpodAssert.Exit(0, build);
        Assert.Contains("[Warning] one or more build args were not consumed: [ALPHA ZED]", build.Lines);
        Assert.StartsWith("used=[from-env] arch=[", run.Output);
        Assert.DoesNotContain("arch=[]", run.Output);
    }

    [Fact]
    public async Task Squash_keeps_the_base_layers_and_squash_all_makes_one_layer()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", """
            FROM localhost/busybox:latest
            RUN mkdir -p /sq/gone && echo a > /sq/a && echo x > /sq/gone/x
            RUN echo b > /sq/b && rm -r /sq/gone && rm /bin/true
            RUN echo a2 > /sq/a
            """);
        string[] common = ["build", "-q", "--no-cache", "--network", "none"];

        var squash = await modpod.RunAsync([.. common, "--squash", "-t", "localhost/build-sq", work.Path]);
        var all = await modpod.RunAsync([.. common, "--squash-all", "-t", "localhost/build-sqall", work.Path]);
        var baseLayers = await modpod.RunAsync(
            "image", "inspect", "--format", "{{len .RootFS.Layers}}", "localhost/busybox:latest");
        var sqLayers = await modpod.RunAsync(
            "image", "inspect", "--format", "{{len .RootFS.Layers}}", "localhost/build-sq");
        var allLayers = await modpod.RunAsync(
            "image", "inspect", "--format", "{{len .RootFS.Layers}}", "localhost/build-sqall");
        var files = await modpod.RunAsync(
            "run", "--rm", "--network", "none", "localhost/build-sq", "sh", "-c",
            "cat /sq/a /sq/b; ls /sq; test -e /bin/true || echo no-true");

        ModpodAssert.Exit(0, squash);
        ModpodAssert.Exit(0, all);
        Assert.Equal((int.Parse(baseLayers.Output) + 1).ToString(), sqLayers.Output);
        Assert.Equal("1", allLayers.Output);
        Assert.Equal("a2\nb\na\nb\nno-true", files.Output);
    }

    [Fact]
    public async Task Annotations_go_into_an_oci_manifest_and_are_dropped_for_docker()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nLABEL kind=annotated\n");
        string[] common = ["build", "-q", "--annotation", "org.example.k=v1", "--annotation", "bare=x"];

        var oci = await modpod.RunAsync([.. common, "-t", "localhost/build-ann", work.Path]);
        var docker = await modpod.RunAsync(
            [.. common, "--format", "docker", "-t", "localhost/build-ann-docker", work.Path]);
        var ociAnn = await modpod.RunAsync(
            "image", "inspect", "--format", "{{json .Annotations}}", "localhost/build-ann");
        var dockerAnn = await modpod.RunAsync(
            "image", "inspect", "--format", "{{json .Annotations}}", "localhost/build-ann-docker");

        ModpodAssert.Exit(0, oci);
        ModpodAssert.Exit(0, docker);
        Assert.Equal("{\"bare\":\"x\",\"org.example.k\":\"v1\"}", ociAnn.Output);
        Assert.Equal("{}", dockerAnn.Output);
    }

    [Fact]
    public async Task Image_prune_drops_cache_keys_of_removed_images_and_build_cache_mounts()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", """
            FROM localhost/busybox:latest
            RUN --mount=type=cache,target=/cache echo pruned-cache > /cache/f && echo made > /made
            """);
        var build = await modpod.RunAsync("build", "-q", "--network", "none", "-t", "localhost/build-prune", work.Path);
        var id = build.Output.Trim();
        var keys = Path.Combine(modpod.GraphRoot, "build-cache");
        var mounts = Path.Combine(modpod.GraphRoot, "build-cache-mounts");
        var hadMounts = Directory.Exists(mounts);
        var hadKey = Directory.EnumerateFiles(keys).Any(k => File.ReadAllText(k).Trim() == id);

        var rmi = await modpod.RunAsync("rmi", "localhost/build-prune");
        var prune = await modpod.RunAsync("image", "prune", "-f", "--build-cache");

        ModpodAssert.Exit(0, build);
        ModpodAssert.Exit(0, rmi);
        ModpodAssert.Exit(0, prune);
        Assert.True(hadMounts);
        Assert.True(hadKey);
        Assert.False(Directory.Exists(mounts));
        var stale = Directory.EnumerateFiles(keys).Where(k => File.ReadAllText(k).Trim() == id);
        Assert.Empty(stale);
    }
}
