using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Build;

/// <summary>
/// What Podman 5's 070-build system tests expect of build, as a user sees it: the
/// builder's identity, ADD of xz tars, hard links, ignore-file walking, flags of RUN
/// containers, --logfile, several -f files and early refusals.
/// </summary>
[Collection(Collections.Containers)]
public sealed class BuildCompatTests(ModpodFixture modpod)
{
    [Fact]
    public async Task The_builder_version_is_the_same_in_info_buildx_and_the_image_label()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nLABEL a=b\n");

        var info = await modpod.RunAsync("info", "--format", "{{ .Host.BuildahVersion }}");
        var buildx = await modpod.RunAsync("buildx", "version");
        var build = await modpod.RunAsync(
            "buildx", "build", "--load", "-t", "localhost/build-identity", work.Path);
        var label = await modpod.RunAsync("image", "inspect", "--format",
            "{{ index .Config.Labels \"io.buildah.version\" }}", "localhost/build-identity");

        ModpodAssert.Exit(0, build);
        Assert.Matches("^[1-9][0-9.]+", info.Output);
        Assert.Equal("buildah " + info.Output, buildx.Output);
        Assert.Equal(info.Output, label.Output);
    }

    [Fact]
    public async Task Add_extracts_an_xz_tar_and_copy_keeps_hard_links()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("sub/file1", "ORIGINAL\n");
        await Tool("tar", "-C", work.Path, "-cJf", work.PathOf("files.tar.xz"), "sub");
        work.Write("links/a", "linked\n");
        await Tool("ln", work.PathOf("links/a"), work.PathOf("links/b"));
        work.Write("Containerfile",
            "FROM localhost/busybox:latest\nADD files.tar.xz /\nCOPY links /links\n");

        var build = await modpod.RunAsync(
            "build", "--network", "none", "-t", "localhost/build-xz", work.Path);
        var run = await modpod.RunAsync("run", "--rm", "--network", "none",
            "localhost/build-xz", "sh", "-c", "cat /sub/file1; stat -c %i /links/a /links/b");

        ModpodAssert.Exit(0, build);
        Assert.Equal("ORIGINAL", run.Lines[0]);
        Assert.Equal(run.Lines[1], run.Lines[2]);
    }

    [Fact]
    public async Task An_excluded_directory_is_walked_only_when_an_exception_names_it()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        foreach (var name in new[] { "subdir1/sub1", "subdir1/sub2", "subdir1/sub3", "subdir2/sub1" })
        {
            work.Write(name, name + "\n");
        }

        work.Write(".dockerignore", "subdir1\nsubdir2\n!*/sub1*\n!subdir1/sub3*\n");
        work.Write("Containerfile", "FROM localhost/busybox:latest\nCOPY ./ /ctx/\n");

        var build = await modpod.RunAsync(
            "build", "--network", "none", "-t", "localhost/build-ignore-walk", work.Path);
        var run = await modpod.RunAsync("run", "--rm", "--network", "none",
            "localhost/build-ignore-walk", "find", "/ctx", "-type", "f");

        ModpodAssert.Exit(0, build);
        Assert.Contains("/ctx/subdir1/sub1", run.Lines);
        Assert.Contains("/ctx/subdir1/sub3", run.Lines);
        Assert.DoesNotContain("/ctx/subdir1/sub2", run.Lines);
        Assert.DoesNotContain("/ctx/subdir2/sub1", run.Lines);
    }

    [Fact]
    public async Task Run_steps_take_ulimit_and_seccomp_and_logfile_gets_the_output()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\n"
            + "RUN grep Seccomp: /proc/self/status\nRUN ulimit -Sn; ulimit -Hn\n");
        var log = work.PathOf("build.log");

        var build = await modpod.RunAsync("build", "--network", "none", "--no-cache",
            "--ulimit", "nofile=101:102", "--security-opt", "seccomp=unconfined",
            "--logfile", log, "-t", "localhost/build-run-flags", work.Path);

        ModpodAssert.Exit(0, build);
        var text = await File.ReadAllTextAsync(log);
        Assert.Matches(@"Seccomp:\s+0", text);
        Assert.Contains("101\n102\n", text);
        Assert.Contains("COMMIT localhost/build-run-flags", text);
        Assert.DoesNotContain("COMMIT", build.Output);
    }

    [Fact]
    public async Task Several_files_are_one_containerfile_in_order()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("One", "FROM scratch\nCOPY One /one\n");
        work.Write("Two", "FROM localhost/busybox:latest\nRUN echo second-file\n");

        var build = await modpod.RunAsync("build", "--network", "none", "-f", work.PathOf("One"),
            "-f", work.PathOf("Two"), "-t", "localhost/build-two-files", work.Path);

        ModpodAssert.Exit(0, build);
        Assert.Contains("FROM localhost/busybox:latest", build.Output);
        Assert.Contains("second-file", build.Output);
    }

    [Theory]
    [InlineData("COPY http://127.0.0.1:9/x /x", "source can't be a URL for COPY")]
    [InlineData("RUN true", "default OCI runtime \"idonotexist\" not found: invalid argument")]
    public async Task Refusals_name_the_cause(string step, string message)
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\n" + step + "\n");
        string[] runtime = step.StartsWith("RUN", StringComparison.Ordinal)
            ? ["--runtime", "idonotexist"]
            : [];

        var build = await modpod.RunAsync([.. runtime, "build", "--network", "none", work.Path], null);

        ModpodAssert.Exit(125, build);
        Assert.EndsWith(message, build.ErrorLines[^1]);
    }

    [Theory]
    [InlineData("--squash-all --squash", "Error: cannot specify --squash-all with --squash")]
    [InlineData("--authfile=/nonexistent/auth.json",
        "Error: credential file is not accessible: faccessat /nonexistent/auth.json: "
        + "no such file or directory")]
    public async Task Conflicting_or_missing_inputs_fail_before_building(string flags, string error)
    {
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM scratch\n");

        var build = await modpod.RunAsync(["build", .. flags.Split(' '), work.Path], null);

        ModpodAssert.Exit(125, build);
        Assert.Equal(error, build.ErrorLines[^1]);
        Assert.DoesNotContain("STEP", build.Output);
    }

    [Fact]
    public async Task Layers_follow_go_booleans_and_buildah_layers()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nRUN echo layers\n");
        string[] build = ["build", "--network", "none", "-t", "localhost/build-layers", work.Path];
        ModpodAssert.Exit(0, await modpod.RunAsync(build));
        var off = new Dictionary<string, string?> { ["BUILDAH_LAYERS"] = "false" };

        var envOff = await modpod.RunAsync(build, off);
        var flagOn = await modpod.RunAsync([.. build, "--layers=1"], off);

        Assert.DoesNotContain("Using cache", envOff.Output);
        Assert.Contains("Using cache", flagOn.Output);
    }

    [Fact]
    public async Task A_shebang_heredoc_runs_as_a_script_and_odd_volumes_are_rooted()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\n"
            + "VOLUME ['/etc/foo', '/etc/bar']\n"
            + "RUN <<EOT\n#!/bin/sh -e\necho \"script=$0\"\nEOT\n");

        var build = await modpod.RunAsync(
            "build", "--network", "none", "-t", "localhost/build-shebang", work.Path);
        var volumes = await modpod.RunAsync("image", "inspect", "--format",
            "{{ range $k, $v := .Config.Volumes }}{{ $k }} {{ end }}", "localhost/build-shebang");

        ModpodAssert.Exit(0, build);
        Assert.Contains("script=/dev/pipes/", build.Output);
        Assert.Equal("/[/etc/foo, /etc/bar]", volumes.Output.Trim());
    }

    [Fact]
    public async Task A_runtime_flag_reaches_the_runtime_and_its_refusal_exits_1()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nRUN echo flagged\n");

        var build = await modpod.RunAsync(["--runtime-flag", "invalidflag", "build",
            "--network", "none", "--no-cache", work.Path], null);

        ModpodAssert.Exit(1, build);
        Assert.Contains("invalidflag", build.StandardError);
        Assert.Contains("exit status 1", build.StandardError);
    }

    [Fact]
    public async Task Default_mounts_reach_run_steps_but_not_the_layer()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("secrets/token", "shhh\n");
        work.Write("mounts.conf", work.PathOf("secrets") + ":/run/secrets\n");
        work.Write("Containerfile", "FROM localhost/busybox:latest\nRUN cat /run/secrets/token\n");

        var build = await modpod.RunAsync(["--default-mounts-file", work.PathOf("mounts.conf"),
            "build", "--network", "none", "--no-cache", "-t", "localhost/build-mounts",
            work.Path], null);
        var run = await modpod.RunAsync("run", "--rm", "--network", "none",
            "localhost/build-mounts", "ls", "/run/secrets");

        ModpodAssert.Exit(0, build);
        Assert.Contains("shhh", build.Output);
        Assert.NotEqual(0, run.ExitCode);
    }

    private static async Task Tool(string program, params string[] args) =>
        await Cli.Wrap(program).WithArguments(args).ExecuteBufferedAsync();
}
