using System.Diagnostics;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

/// <summary>
/// Field cases from /work/shared/field-cases.md that issue 2 can satisfy, each checked
/// as its "check" block says. Images come from Modular.TestImages instead of python
/// and `export` (not part of issue 2); the layers under test are the same.
/// </summary>
[Collection(Collections.FieldCases)]
public sealed partial class FieldCaseTests(ModpodFixture modpod)
{
    [Fact]
    public async Task LAY04_a_layer_listing_one_path_twice_is_refused_and_the_store_is_unchanged()
    {
        await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");

        var load = await modpod.LoadAsync(await TestImageCatalog.DuplicatePathAsync("localhost/lay04:latest"));

        var after = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        Assert.NotEqual(0, load.ExitCode);
        Assert.Contains("duplicate", load.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(0, (await modpod.RunAsync("image", "exists", "localhost/lay04:latest")).ExitCode);
        Assert.Equal(before.Lines.Order(), after.Lines.Order());
    }

    [Fact]
    public async Task LAY05_a_dotdot_entry_never_lands_outside_the_layer()
    {
        var marker = "escape-lay05-" + Guid.NewGuid().ToString("N")[..8];
        await modpod.EnsureBusyboxAsync();

        var load = await modpod.LoadAsync(await TestImageCatalog.DotDotAsync("localhost/lay05:latest", marker));

        Assert.False(File.Exists("/tmp/" + marker));
        if (load.ExitCode != 0)
        {
            Assert.NotEqual(0, (await modpod.RunAsync("image", "exists", "localhost/lay05:latest")).ExitCode);
        }
        else
        {
            var cat = await modpod.RunAsync("run", "--rm", "localhost/lay05:latest", "cat", "/tmp/" + marker);
            Assert.Equal("pwned", cat.Output);
        }
    }

    [Fact]
    public async Task REF01_uppercase_is_refused_in_the_repository_but_allowed_in_the_tag()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var upperRepo = await modpod.RunAsync("tag", image, "localhost/Ref01App:v1");
        var upperTag = await modpod.RunAsync("tag", image, "localhost/ref01app:V1");

        ModpodAssert.Exit(125, upperRepo);
        Assert.Contains("repository name must be lowercase", upperRepo.StandardError);
        ModpodAssert.Exit(0, upperTag);
        Assert.Equal(0, (await modpod.RunAsync("image", "exists", "localhost/ref01app:V1")).ExitCode);
    }

    [Fact]
    public async Task REF03_a_registry_port_stays_in_the_repository_not_the_tag()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("tag", image, "localhost:5000/team/ref03:20240101");

        var list = await modpod.RunAsync(
            "images", "--format", "{{.Repository}}|{{.Tag}}", "--filter", "reference=localhost:5000/team/ref03");
        var tags = await modpod.RunAsync(
            "image",
            "inspect",
            "--format",
            "{{range .RepoTags}}{{.}} {{end}}",
            "localhost:5000/team/ref03:20240101");

        Assert.Contains("localhost:5000/team/ref03|20240101", list.Lines);
        Assert.DoesNotContain(list.Lines, l => l.StartsWith("localhost|5000", StringComparison.Ordinal));
        Assert.Contains("localhost:5000/team/ref03:20240101", tags.Output.Split(' '));
    }

    [Fact]
    public async Task RUN03_env_without_a_value_copies_the_host_value_or_leaves_it_unset()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var env = new Dictionary<string, string?> { ["RUN03_SET"] = "from-host", ["RUN03_UNSET"] = null };

        var run = await modpod.RunAsync(
            ["run", "--rm", "-e", "RUN03_SET", "-e", "RUN03_UNSET", image,
             "sh", "-c", "echo \"set=$RUN03_SET\"; echo \"unset=${RUN03_UNSET+present}\""],
            env);

        ModpodAssert.Exit(0, run);
        Assert.Equal("set=from-host\nunset=", run.StandardOutput.TrimEnd('\n'));
    }

    [Fact]
    public async Task RUN06_a_numeric_user_missing_from_passwd_runs_with_home_slash_but_an_unknown_name_fails()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var uidOnly = await modpod.RunAsync(
            "run", "--rm", "--user", "123456", image, "sh", "-c", "echo $(id -u):$(id -g):$HOME");
        var uidGid = await modpod.RunAsync(
            "run", "--rm", "--user", "123456:4567", image, "sh", "-c", "echo $(id -u):$(id -g)");
        var name = await modpod.RunAsync("run", "--rm", "--user", "nosuchuser", image, "true");

        Assert.Equal((0, "123456:0:/"), (uidOnly.ExitCode, uidOnly.Output));
        Assert.Equal((0, "123456:4567"), (uidGid.ExitCode, uidGid.Output));
        ModpodAssert.Exit(126, name);
        Assert.Contains("nosuchuser", name.StandardError);
    }

    [Fact]
    public async Task EXIT01_run_exit_codes_are_125_126_127_the_container_code_and_125_for_a_missing_image()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var codes = new[]
        {
            (await modpod.RunAsync("run", "--rm", "--no-such-flag", image, "true")).ExitCode,
            (await modpod.RunAsync("run", "--rm", image, "/etc")).ExitCode,
            (await modpod.RunAsync("run", "--rm", image, "/no/such/command")).ExitCode,
            (await modpod.RunAsync("run", "--rm", image, "sh", "-c", "exit 32")).ExitCode,
            (await modpod.RunAsync("run", "--rm", "localhost/no-such-image:latest", "true")).ExitCode,
        };

        Assert.Equal([125, 126, 127, 32, 125], codes);
    }

    [Fact]
    public async Task SIG01_stop_sends_sigterm_waits_the_grace_period_then_kills_with_137()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var (_, attached) = modpod.Start(
            "run", "--name", "sig01", image, "sh", "-c",
            "trap \"echo got-TERM\" TERM; echo READY; while :; do sleep 1; done");
        await WaitForLogAsync("sig01", "READY", attached);

        var clock = Stopwatch.StartNew();
        var stop = await modpod.RunAsync("stop", "-t", "3", "sig01");
        clock.Stop();
        var output = await attached;
        var code = await modpod.RunAsync("inspect", "--format", "{{.State.ExitCode}}", "sig01");
        await modpod.RunAsync("rm", "-f", "sig01");

        ModpodAssert.Exit(0, stop);
        Assert.Contains("got-TERM", output.StandardOutput + output.StandardError);
        Assert.InRange(clock.Elapsed.TotalSeconds, 3, 10);
        Assert.Equal("137", code.Output);
    }

    [Fact]
    public async Task LIFE01_thirty_concurrent_runs_get_unique_names_and_a_removed_name_is_reusable()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            modpod.RunAsync("run", "-d", "--label", "life01=1", image, "sleep", "300")));
        var names = await modpod.RunAsync("ps", "--filter", "label=life01=1", "--format", "{{.Names}}");
        await modpod.RunAsync(["rm", "-f", "-t", "0", .. runs.Select(r => r.Output)], null);
        await modpod.RunAsync("run", "--name", "life01-reuse", image, "true");
        await modpod.RunAsync("rm", "life01-reuse");
        var reuse = await modpod.RunAsync("run", "--name", "life01-reuse", image, "true");
        await modpod.RunAsync("run", "--rm", "--name", "life01-rm", image, "true");
        var reuseAfterRm = await modpod.RunAsync("run", "--rm", "--name", "life01-rm", image, "true");
        await modpod.RunAsync("rm", "-f", "life01-reuse");

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(30, names.Lines.Distinct().Count());
        Assert.DoesNotContain(runs, r => LockOrDatabaseError().IsMatch(r.StandardError));
        Assert.Equal((0, 0), (reuse.ExitCode, reuseAfterRm.ExitCode));
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        "lock|already in use|database",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LockOrDatabaseError();

    private async Task WaitForLogAsync(string name, string text, Task stopWhenDone)
    {
        // Bounded polling of `logs`, as the field case polls its output file.
        for (var i = 0; i < 100 && !stopWhenDone.IsCompleted; i++)
        {
            if ((await modpod.RunAsync("logs", name)).StandardOutput.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }
    }
}
