using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 8 tester findings 1, 2, 5, 7, 10, 11 and 13 (build): Ctrl-C aborts a build and
/// commits nothing, <c>RUN &lt;&lt;EOF COMMAND</c> feeds the document to COMMAND, --timestamp
/// makes builds reproducible, --chown and --chmod refuse bad values, history's top row is
/// the image, re-included paths are copied, and bad paths fail in one line naming them.
/// </summary>
[Collection(Collections.Containers)]
public sealed class BuildFindingTests(ModpodFixture modpod)
{
    private const string From = "FROM localhost/busybox:latest\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ctrl_c_aborts_the_build_removes_its_container_and_commits_nothing(bool startedInBackground)
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", From + "RUN sleep 60\n");
        var before = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        string[] build = ["build", "--no-cache", "--network", "none", "-t", "localhost/fix7-sigint", work.Path];

        // A shell's background job starts with SIGINT ignored; Podman still stops on it.
        var (pid, completion) = startedInBackground
            ? modpod.StartWithInterruptsIgnored(build)
            : modpod.Start(build);
        await WaitForBuildContainerAsync();
        await CliWrap.Cli.Wrap("kill").WithArguments(["-INT", pid.ToString()]).ExecuteAsync();

        var result = await completion.WaitAsync(TimeSpan.FromSeconds(45));
        var after = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(before.Lines.Order(), after.Lines.Order());
        Assert.Empty((await BuildContainersAsync()).Lines);
    }

    [Fact]
    public async Task A_heredoc_followed_by_a_command_is_that_commands_stdin()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", From
            + "RUN <<'EOF' cat > /q1\nline $HOME\nEOF\n"
            + "RUN <<EOF\necho script > /q2\nEOF\n"
            + "COPY <<EOF /q3\nfrom copy\nEOF\n");

        var build = await modpod.RunAsync("build", "--no-cache", "--network", "none", "-t", "localhost/fix7-heredoc", work.Path);
        var run = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/fix7-heredoc",
            "cat", "/q1", "/q2", "/q3");

        ModpodAssert.Exit(0, build);
        Assert.Equal(["line $HOME", "script", "from copy"], run.Lines);
        await modpod.RunAsync("rmi", "-f", "localhost/fix7-heredoc");
    }

    [Fact]
    public async Task Timestamp_gives_the_same_image_id_for_the_same_sources()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("f.txt", "same\n");
        work.Write("Containerfile", From + "COPY f.txt /f.txt\nRUN echo made > /made\n");
        string[] build = ["build", "--no-cache", "--timestamp", "0", "--network", "none", "-q", work.Path];

        var first = await modpod.RunAsync(build);
        work.Write("f.txt", "same\n");
        var second = await modpod.RunAsync(build);
        var cached = await modpod.RunAsync(["build", "--timestamp", "0", "--network", "none", "-q", work.Path]);
        var created = await modpod.RunAsync("inspect", "--format", "{{.Created}}", cached.Lines[^1]);

        ModpodAssert.Exit(0, first);
        ModpodAssert.Exit(0, second);
        Assert.Equal(first.Lines[^1], second.Lines[^1]);
        Assert.StartsWith("1970-01-01", created.Output);
        await modpod.RunAsync("rmi", "-f", first.Lines[^1]);
    }

    [Fact]
    public async Task Copy_refuses_an_unknown_chown_user_and_a_bad_chmod()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("f", "x\n");
        work.Write("Containerfile", From + "COPY --chown=nouser f /d\n");
        work.Write("Chmodfile", From + "COPY --chmod=999 f /d\n");

        var chown = await modpod.RunAsync("build", "--no-cache", "--network", "none", work.Path);
        var chmod = await modpod.RunAsync("build", "--no-cache", "--network", "none", "-f", work.PathOf("Chmodfile"), work.Path);

        ModpodAssert.Exit(125, chown);
        Assert.Equal("Error: building at STEP \"COPY --chown=nouser f /d\": looking up UID/GID for \"nouser\": "
            + "determining run uid: user: unknown user nouser", chown.ErrorLines[^1]);
        ModpodAssert.Exit(125, chmod);
        Assert.Equal("Error: building at STEP \"COPY --chmod=999 f /d\": parsing chmod \"999\": "
            + "strconv.ParseUint: parsing \"999\": invalid syntax", chmod.ErrorLines[^1]);
    }

    [Fact]
    public async Task History_top_row_is_the_image_and_empty_rows_borrow_no_id()
    {
        var busybox = (await modpod.RunAsync("inspect", "--format", "{{.Id}}", await modpod.EnsureBusyboxAsync())).Output;
        using var work = new BuildContext();
        work.Write("Containerfile", From + "RUN echo a > /a\nEXPOSE 80\nCMD [\"sh\"]\n");

        var build = await modpod.RunAsync("build", "--no-cache", "--network", "none", "-q", work.Path);
        var id = build.Lines[^1];
        var history = await modpod.RunAsync("history", "--no-trunc", "--format", "{{.ID}}|{{.CreatedBy}}", id);

        ModpodAssert.Exit(0, history);
        Assert.Equal(id, Hex(history.Lines[0].Split('|')[0]));
        var expose = history.Lines.Single(l => l.Contains("EXPOSE", StringComparison.Ordinal));
        Assert.NotEqual(Hex(busybox), Hex(expose.Split('|')[0]));
        await modpod.RunAsync("rmi", "-f", id);
    }

    [Fact]
    public async Task A_reincluded_path_is_copied_through_its_ignored_parent()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("d/e/f.txt", "kept\n");
        work.Write("d/g.txt", "ignored\n");
        work.Write(".containerignore", "*\n!d/e\n");
        work.Write("Containerfile", From + "COPY d/ /d/\n");

        var build = await modpod.RunAsync("build", "--no-cache", "--network", "none", "-t", "localhost/fix7-ignore", work.Path);
        var run = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/fix7-ignore", "find", "/d");

        ModpodAssert.Exit(0, build);
        Assert.Contains("/d/e/f.txt", run.Lines);
        Assert.DoesNotContain("/d/g.txt", run.Lines);
        await modpod.RunAsync("rmi", "-f", "localhost/fix7-ignore");
    }

    [Fact]
    public async Task Bad_build_arg_file_and_iidfile_paths_fail_first_naming_the_path()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", From + "RUN true\n");
        var before = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");

        var argFile = await modpod.RunAsync("build", "--build-arg-file", "/nope-fix7", "--network", "none", work.Path);
        var iid = await modpod.RunAsync("build", "--no-cache", "--iidfile", "/proc/nope/iid", "--network", "none", work.Path);

        ModpodAssert.Exit(125, argFile);
        Assert.Equal("Error: open /nope-fix7: no such file or directory", Assert.Single(argFile.ErrorLines));
        ModpodAssert.Exit(125, iid);
        Assert.Equal("Error: failed to write image ID to file \"/proc/nope/iid\": open /proc/nope/iid: "
            + "no such file or directory", Assert.Single(iid.ErrorLines));
        Assert.Equal(before.Lines.Order(), (await modpod.RunAsync("images", "-a", "-q", "--no-trunc")).Lines.Order());
    }

    private static string Hex(string id) => id.Replace("sha256:", "", StringComparison.Ordinal);

    private Task<ModpodResult> BuildContainersAsync() =>
        modpod.RunAsync("ps", "-a", "-q", "--external", "--filter", "label=io.modular.build-container");

    private async Task WaitForBuildContainerAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            if ((await BuildContainersAsync()).Lines.Count > 0)
            {
                // The container exists; give its process a moment to start running.
                await Task.Delay(1500);
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the build never created its RUN container");
    }
}
