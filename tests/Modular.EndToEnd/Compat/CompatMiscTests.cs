using System.Diagnostics;
using System.Text.RegularExpressions;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Compat;

/// <summary>
/// Issue 9 (030-run, 010-images, 035-logs, 070-build): what a user sees of .containerenv,
/// --env-host, an --authfile that is missing, images IMAGE and its names history, 'table '
/// formats with spaces, engine.static_dir, run docker-archive: and logs --until DURATION.
/// </summary>
[Collection(Collections.Containers)]
public sealed class CompatMiscTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Containerenv_is_empty_unless_privileged_and_absent_on_a_bound_run()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var bound = Directory.CreateTempSubdirectory("cm-run-");
        try
        {
            var plain = await modpod.RunAsync("run", "--rm", "--network", "none", image, "stat", "-c", "%s", "/run/.containerenv");
            var privileged = await modpod.RunAsync("run", "--rm", "--privileged", "--network", "none", "--name", Unique("pe"),
                image, "cat", "/run/.containerenv");
            var onBind = await modpod.RunAsync("run", "--rm", "--network", "none", "-v", bound.FullName + ":/run",
                image, "stat", "-c", "%s", "/run/.containerenv");

            ModpodAssert.Exit(0, plain);
            Assert.Equal("0", plain.Output);
            ModpodAssert.Exit(0, privileged);
            Assert.StartsWith("engine=\"modular-", privileged.Lines[0]);
            Assert.Contains("rootless=0", privileged.Lines);
            Assert.NotEqual(0, onBind.ExitCode);
            Assert.Empty(bound.EnumerateFileSystemInfos());
        }
        finally
        {
            bound.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Env_host_sits_below_env_file_and_env()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var envFile = Path.Combine(modpod.Directory, Unique("env"));
        await File.WriteAllTextAsync(envFile, "CM_B=file\nhttp_proxy=file-proxy\n");

        var result = await modpod.RunAsync(
            ["run", "--rm", "--network", "none", "--env-host", "--env-file", envFile, "-e", "CM_C=flag", image,
             "sh", "-c", "echo $CM_A $CM_B $CM_C $http_proxy $ftp_proxy"],
            new Dictionary<string, string?>
            {
                ["CM_A"] = "host", ["CM_B"] = "host", ["CM_C"] = "host",
                ["http_proxy"] = "host-proxy", ["ftp_proxy"] = "host-ftp",
            });

        ModpodAssert.Exit(0, result);
        Assert.Equal("host file flag file-proxy host-ftp", result.Output);
    }

    [Fact]
    public async Task A_missing_authfile_fails_before_the_command_runs()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var bogus = Path.Combine(modpod.Directory, Unique("auth"));

        foreach (var command in new[] { "pull", "push", "create", "logout" })
        {
            var result = await modpod.RunAsync(command, "--authfile=" + bogus, image);

            ModpodAssert.Exit(125, result);
            Assert.Equal($"Error: credential file is not accessible: faccessat {bogus}: no such file or directory",
                Assert.Single(result.ErrorLines));
        }
    }

    [Fact]
    public async Task Images_takes_one_image_and_history_keeps_earlier_names()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = Unique("hist");
        var extra = Unique("tag");
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("tag", image, name));
            ModpodAssert.Exit(0, await modpod.RunAsync("tag", name, extra));
            ModpodAssert.Exit(0, await modpod.RunAsync("rmi", extra));

            var history = await modpod.RunAsync("images", name, "--format", "{{ .History }}");
            var table = await modpod.RunAsync("images", name, "--format", "table {{.Repository}} {{.Tag}}");

            ModpodAssert.Exit(0, history);
            // Current names first (the image's own, then ours), then the removed tag.
            Assert.Contains($"localhost/{name}:latest, localhost/{extra}:latest", history.Output);
            ModpodAssert.Exit(0, table);
            Assert.Equal(["REPOSITORY", "TAG"], table.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(table.Lines, line => Regex.IsMatch(line, $"^localhost/{name}  +latest$"));
        }
        finally
        {
            await modpod.RunAsync("rmi", "--ignore", name, extra);
        }
    }

    [Fact]
    public async Task Static_dir_keeps_containers_apart_and_docker_archive_runs()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var conf = Path.Combine(modpod.Directory, Unique("static") + ".conf");
        await File.WriteAllTextAsync(conf, $"[engine]\nstatic_dir=\"{conf}.d\"\n");
        var withStatic = new Dictionary<string, string?> { ["CONTAINERS_CONF_OVERRIDE"] = conf };
        var archive = Path.Combine(modpod.Directory, Unique("arch") + ".tar");
        var name = Unique("sd");
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync(["run", "--name", name, "--network", "none", image, "true"], withStatic));
            ModpodAssert.Exit(0, await modpod.RunAsync("save", "--quiet", "-o", archive, image));

            Assert.False(await modpod.ContainerExistsAsync(name));
            var fromArchive = await modpod.RunAsync("run", "--rm", "--network", "none", "docker-archive:" + archive, "echo", "hi");
            ModpodAssert.Exit(0, fromArchive);
            Assert.Equal("hi", fromArchive.Output);
            Assert.Equal("Getting image source signatures", fromArchive.ErrorLines[0]);
        }
        finally
        {
            await modpod.RunAsync(["rm", "-f", "-t", "0", "--ignore", name], withStatic);
            File.Delete(archive);
            Directory.Delete(conf + ".d", recursive: true);
        }
    }

    [Fact]
    public async Task Logs_until_a_duration_follows_until_then()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = Unique("lu");
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("run", "-d", "--name", name, "--network", "none", image,
                "sh", "-c", "n=1; while :; do echo line-$n; n=$((n+1)); sleep 0.1; done"));

            var clock = Stopwatch.StartNew();
            var logs = await modpod.RunAsync("logs", "--until", "3s", "-f", name);

            ModpodAssert.Exit(0, logs);
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), $"stopped after {clock.Elapsed}");
            Assert.Equal(["line-1", "line-2"], logs.Lines.Take(2));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    private static string Unique(string stem) => $"cm-{stem}-{Guid.NewGuid().ToString("N")[..6]}";
}
