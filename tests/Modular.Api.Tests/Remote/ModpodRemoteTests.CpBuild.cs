using System.Text.RegularExpressions;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>cp (both directions, stdout, errors) and build through the remote client.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Cp_from_a_container_to_the_host_matches_the_local_command()
    {
        await CreateIdleAsync("remote-cp-out");
        var local = Work("cp-out-local");
        var remote = Work("cp-out-remote");
        try
        {
            foreach (var (source, target) in new[]
            {
                ("remote-cp-out:/etc/passwd", ""), ("remote-cp-out:/etc", "etc-copy"),
                ("remote-cp-out:/etc/.", "etc-contents"), ("remote-cp-out:/etc/group", "renamed"),
            })
            {
                var l = await Store.RunAsync("cp", source, Path.Combine(local, target));
                var r = await RemoteAsync("cp", source, Path.Combine(remote, target));
                Assert.True(l.ExitCode == 0, l.ToString());
                Assert.True(r.ExitCode == 0, r.ToString());
            }

            Assert.Equal(Tree(local), Tree(remote));
            // To stdout: the same tar, but for the PAX headers' names, which hold a process ID.
            var localTar = await Store.RunAsync("cp", "remote-cp-out:/etc/passwd", "-");
            var remoteTar = await RemoteAsync("cp", "remote-cp-out:/etc/passwd", "-");
            Assert.True(remoteTar.ExitCode == 0, remoteTar.ToString());
            Assert.Equal(localTar.StandardOutput.Length, remoteTar.StandardOutput.Length);
            Assert.Contains("root:x:0:0", remoteTar.StandardOutput);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "remote-cp-out");
        }
    }

    [Fact]
    public async Task Cp_from_the_host_into_a_container_matches_the_local_command()
    {
        await CreateIdleAsync("remote-cp-in");
        var source = Work("cp-in-source");
        File.WriteAllText(Path.Combine(source, "file.txt"), "hello\n");
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        File.WriteAllText(Path.Combine(source, "sub", "inner"), "inner\n");
        try
        {
            var l = await Store.RunAsync("cp", source, "remote-cp-in:/tmp/local");
            var r = await RemoteAsync("cp", source, "remote-cp-in:/tmp/remote");
            var file = await RemoteAsync("cp", Path.Combine(source, "file.txt"), "remote-cp-in:/tmp/named.txt");
            var into = await RemoteAsync("cp", Path.Combine(source, "file.txt"), "remote-cp-in:/tmp/");
            Assert.True(l.ExitCode == 0, l.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.True(file.ExitCode == 0, file.ToString());
            Assert.True(into.ExitCode == 0, into.ToString());

            var back = Work("cp-in-back");
            Assert.Equal(0, (await Store.RunAsync("cp", "remote-cp-in:/tmp", back)).ExitCode);
            Assert.Equal(Tree(Path.Combine(back, "tmp", "local")), Tree(Path.Combine(back, "tmp", "remote")));
            Assert.Equal("hello\n", File.ReadAllText(Path.Combine(back, "tmp", "named.txt")));
            Assert.Equal("hello\n", File.ReadAllText(Path.Combine(back, "tmp", "file.txt")));
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "remote-cp-in");
        }
    }

    [Fact]
    public async Task Cp_errors_read_as_the_local_ones()
    {
        await CreateIdleAsync("remote-cp-err");
        var host = Work("cp-err");
        try
        {
            foreach (var args in new[]
            {
                new[] { "cp", "remote-cp-missing:/etc/passwd", host },
                ["cp", "remote-cp-err:/no/such/path", host],
                ["cp", Path.Combine(host, "no-such-file"), "remote-cp-err:/tmp"],
                ["cp", host, "remote-cp-missing:/tmp"],
                ["cp", host, "remote-cp-err:/no/such/dir/"],
                ["cp", "remote-cp-err:/etc", Path.Combine(host, "missing-parent", "x")],
                ["cp", host, host],
            })
            {
                var l = await Store.RunAsync(args);
                var r = await RemoteAsync(args);
                Assert.NotEqual(0, l.ExitCode);
                Assert.Equal(l.ExitCode, r.ExitCode);
                Assert.Equal(l.StandardError, r.StandardError);
            }
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "remote-cp-err");
        }
    }

    [Fact]
    public async Task Build_matches_the_local_command_and_honours_the_ignore_file()
    {
        var context = Work("build-context");
        File.WriteAllText(Path.Combine(context, "kept"), "kept\n");
        File.WriteAllText(Path.Combine(context, "ignored"), "ignored\n");
        File.WriteAllText(Path.Combine(context, ".containerignore"), "ignored\n");
        File.WriteAllText(
            Path.Combine(context, "Containerfile"),
            $"FROM {ModpodFixture.Busybox}\nARG WHO=nobody\nRUN echo hi $WHO > /greeting\nCOPY . /ctx/\nLABEL built=yes\n");
        var iid = Path.Combine(Work("build-iid"), "iid");
        string[] flags = ["--pull=never", "--no-cache", "--build-arg", "WHO=remote", "--label", "extra=1", context];
        try
        {
            var local = await Store.RunAsync(["build", "-t", "localhost/remote-build:local", .. flags]);
            var remote = await RemoteAsync(["build", "-t", "localhost/remote-build:local", "--iidfile", iid, .. flags]);

            Assert.True(local.ExitCode == 0, local.ToString());
            Assert.True(remote.ExitCode == 0, remote.ToString());
            Assert.Equal(WithoutIds(local.StandardOutput), WithoutIds(remote.StandardOutput));
            Assert.Equal("sha256:" + remote.Lines[^1], File.ReadAllText(iid));
            var run = await Store.RunAsync(
                "run", "--rm", "--network", "none", "localhost/remote-build:local", "sh", "-c", "cat /greeting; ls /ctx");
            Assert.Equal("hi remote\nContainerfile\nkept", run.Output);
            var quiet = await RemoteAsync(["build", "-q", .. flags]);
            Assert.True(quiet.ExitCode == 0, quiet.ToString());
            Assert.Matches("^[0-9a-f]{64}$", quiet.Output);
        }
        finally
        {
            await Store.RunAsync("rmi", "-f", "localhost/remote-build:local");
            await Store.RunAsync("image", "prune", "-f");
        }
    }

    [Fact]
    public async Task Build_with_a_containerfile_outside_the_context_matches_the_local_command()
    {
        var context = Work("build-outside-context");
        var file = Path.Combine(Work("build-outside-file"), "Build.file");
        File.WriteAllText(file, $"FROM {ModpodFixture.Busybox}\nRUN echo outside > /where\n");
        try
        {
            var result = await RemoteAsync("build", "--pull=never", "-t", "localhost/remote-outside", "-f", file, context);
            Assert.True(result.ExitCode == 0, result.ToString());
            var run = await Store.RunAsync("run", "--rm", "--network", "none", "localhost/remote-outside", "cat", "/where");
            Assert.Equal("outside", run.Output);
        }
        finally
        {
            await Store.RunAsync("rmi", "-f", "localhost/remote-outside");
        }
    }

    [Fact]
    public async Task Build_failures_exit_and_read_as_the_local_ones()
    {
        var context = Work("build-fail");
        File.WriteAllText(Path.Combine(context, "Containerfile"), $"FROM {ModpodFixture.Busybox}\nRUN echo before; exit 5\n");
        foreach (var args in new[]
        {
            new[] { "build", "--pull=never", context },
            ["build", "--pull=never", Path.Combine(context, "no-such-dir")],
            ["build", "--pull=never", "-f", Path.Combine(context, "no-such-file"), context],
        })
        {
            var l = await Store.RunAsync(args);
            var r = await RemoteAsync(args);
            Assert.NotEqual(0, l.ExitCode);
            Assert.Equal(l.ExitCode, r.ExitCode);
            Assert.Equal(l.ErrorLines[^1], r.ErrorLines[^1]);
        }
    }

    private async Task CreateIdleAsync(string name)
    {
        var create = await Store.RunAsync("create", "--name", name, "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(create.ExitCode == 0, create.ToString());
    }

    private string Work(string name)
    {
        var path = Path.Combine(Store.Directory, "remote-cpbuild", name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Directory.CreateDirectory(path).FullName;
    }

    /// <summary>Every path below a directory with its type and, for files, its text.</summary>
    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p)
                + (File.Exists(p) ? " " + File.ReadAllText(p) : "/"))
            .Order(StringComparer.Ordinal)];

    private static string WithoutIds(string output) => Regex.Replace(output, "[0-9a-f]{12,64}", "ID");
}
