using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// What run and exec hand the container's process, as Podman's system tests (030-run,
/// 075-exec) check it: descriptors beyond stdio (--preserve-fd), the umask, the
/// --group-add groups of an exec, an empty command, and a runtime given by path.
/// </summary>
[Collection(Collections.Containers)]
public sealed class ProcessPassthroughTests(ModpodFixture modpod)
{
    private const string ListAndRead = "/bin/ls -C -w999 /proc/self/fd; cat <&9; cat <&40";

    [Fact]
    public async Task Run_preserve_fd_passes_the_listed_descriptors_and_no_other()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var file = await WriteTempAsync("from fd 40");

        var run = await modpod.RunWithDescriptorsAsync(
            $"9<<<fd9 10</dev/null 40<{file}",
            "run", "--rm", "-i", "--network", "none", "--preserve-fd=9,40", image, "sh", "-c", ListAndRead);

        ModpodAssert.Exit(0, run);
        Assert.DoesNotMatch("[123][0-9]", run.Lines[0]);
        Assert.Equal(["fd9", "from fd 40"], run.Lines.Skip(1));
    }

    [Fact]
    public async Task Run_preserve_fds_passes_descriptors_three_and_up()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var file = await WriteTempAsync("from fd 4");

        var run = await modpod.RunWithDescriptorsAsync(
            $"4<{file}", "run", "--rm", "-i", "--network", "none", "--preserve-fds=2", image, "sh", "-c", "cat <&4");

        ModpodAssert.Exit(0, run);
        Assert.Equal("from fd 4", run.Output);
    }

    [Fact]
    public async Task Exec_preserve_fd_passes_the_listed_descriptors_and_no_other()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var file = await WriteTempAsync("from fd 40");
        var cid = (await modpod.RunAsync("run", "-d", "--network", "none", image, "top")).Output;
        try
        {
            var exec = await modpod.RunWithDescriptorsAsync(
                $"9<<<fd9 10</dev/null 40<{file}", "exec", "--preserve-fd=9,40", cid, "sh", "-c", ListAndRead);

            ModpodAssert.Exit(0, exec);
            Assert.DoesNotMatch("[123][0-9]", exec.Lines[0]);
            Assert.Equal(["fd9", "from fd 40"], exec.Lines.Skip(1));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t0", cid);
        }
    }

    [Fact]
    public async Task Umask_applies_to_run_and_exec_and_inspect_shows_it()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var plain = await modpod.RunAsync("run", "--rm", "-q", "--network", "none", image, "grep", "Umask", "/proc/self/status");
        var cid = (await modpod.RunAsync("run", "-q", "-d", "--umask", "0724", "--network", "none", image, "sleep", "inf")).Output;
        try
        {
            var exec = await modpod.RunAsync("exec", cid, "sh", "-c", "grep Umask /proc/self/status; touch /foo; stat -c %a /foo");
            var inspect = await modpod.RunAsync("inspect", "--format", "{{.Config.Umask}}", cid);

            Assert.Matches("Umask:\\s+0022", plain.Output);
            Assert.Matches("Umask:\\s+0724", exec.Lines[0]);
            Assert.Equal("42", exec.Lines[1]);
            Assert.Equal("0724", inspect.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t0", cid);
        }
    }

    [Fact]
    public async Task Exec_keeps_the_group_add_groups_with_or_without_a_user()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var cid = (await modpod.RunAsync("run", "-d", "--group-add", "1,2,3", "--network", "none", image, "top")).Output;
        try
        {
            var groups = await modpod.RunAsync("exec", cid, "grep", "-h", "^Groups:", "/proc/1/status", "/proc/self/status");
            var root = await modpod.RunAsync("exec", "--user", "root:root", cid, "id", "-G");

            Assert.Equal(groups.Lines[0], groups.Lines[1]);
            Assert.Equal("0 1 2 3", root.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t0", cid);
        }
    }

    [Fact]
    public async Task No_command_and_no_entrypoint_exits_127_with_the_runtime_text()
    {
        var rootfs = Directory.CreateTempSubdirectory("modpod-empty-rootfs-");
        try
        {
            var run = await modpod.RunAsync("run", "--rm", "--network", "none", "--rootfs", rootfs.FullName);

            ModpodAssert.Exit(127, run);
            Assert.Matches(
                "^Error: .*executable file `` not found in \\$PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found$",
                Assert.Single(run.ErrorLines));
        }
        finally
        {
            rootfs.Delete(true);
        }
    }

    [Fact]
    public async Task A_runtime_given_by_a_path_of_its_own_runs_and_inspect_shows_that_path()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var runtime = Path.Combine(modpod.Directory, "work", $"myruntime{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(runtime)!);
        File.Copy("/usr/bin/crun", runtime);
        File.SetUnixFileMode(runtime, File.GetUnixFileMode("/usr/bin/crun"));
        var cid = (await modpod.RunAsync("run", "-d", "--runtime", runtime, "--network", "none", image, "sleep", "60")).Output;
        try
        {
            var inspect = await modpod.RunAsync("inspect", "--format", "{{.OCIRuntime}}", cid);
            var kill = await modpod.RunAsync("kill", cid);

            Assert.Equal(runtime, inspect.Output);
            ModpodAssert.Exit(0, kill);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t0", cid);
            File.Delete(runtime);
        }
    }

    private async Task<string> WriteTempAsync(string content)
    {
        var path = Path.Combine(modpod.Directory, "work", $"fd-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content + "\n");
        return path;
    }
}
