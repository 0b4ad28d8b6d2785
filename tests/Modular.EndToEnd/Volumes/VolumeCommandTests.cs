using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Volumes;

/// <summary>modpod volume create, ls, inspect, rm, prune, exists, export and import.</summary>
[Collection(Collections.Containers)]
public sealed class VolumeCommandTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Volume_ls_prints_podmans_header_and_the_created_volume()
    {
        var create = await modpod.RunAsync("volume", "create", "--label", "k=v", "ls-vol");

        var ls = await modpod.RunAsync("volume", "ls", "--filter", "label=k=v");
        var inspect = await modpod.RunAsync("volume", "inspect", "--format", "{{.Driver}} {{.Labels.k}} {{.Scope}}", "ls-vol");

        ModpodAssert.Exit(0, create);
        Assert.Equal("ls-vol", create.Output);
        Assert.Equal("DRIVER      VOLUME NAME", ls.Lines[0]);
        Assert.Equal("local       ls-vol", ls.Lines[1]);
        Assert.Equal("local v local", inspect.Output);
        await modpod.RunAsync("volume", "rm", "ls-vol");
    }

    [Fact]
    public async Task Creating_a_volume_twice_fails_unless_ignore_is_given()
    {
        await modpod.RunAsync("volume", "create", "twice-vol");

        var again = await modpod.RunAsync("volume", "create", "twice-vol");
        var ignored = await modpod.RunAsync("volume", "create", "--ignore", "twice-vol");

        Assert.Equal(125, again.ExitCode);
        Assert.Equal("Error: volume with name twice-vol already exists: volume already exists", again.StandardError.Trim());
        ModpodAssert.Exit(0, ignored);
        await modpod.RunAsync("volume", "rm", "twice-vol");
    }

    [Fact]
    public async Task Rm_of_a_volume_in_use_exits_2_and_force_removes_the_container_with_it()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("create", "--name", "uses-vol", "-v", "used-vol:/data", image, "true");

        var refused = await modpod.RunAsync("volume", "rm", "used-vol");
        var forced = await modpod.RunAsync("volume", "rm", "-f", "used-vol");
        var missing = await modpod.RunAsync("volume", "rm", "used-vol");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("volume used-vol is being used by the following container(s): ", refused.StandardError);
        ModpodAssert.Exit(0, forced);
        Assert.False(await modpod.ContainerExistsAsync("uses-vol"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("Error: no volume with name \"used-vol\" found: no such volume", missing.StandardError.Trim());
    }

    [Fact]
    public async Task Exists_exits_0_for_a_volume_and_1_for_none()
    {
        await modpod.RunAsync("volume", "create", "exists-vol");

        var present = await modpod.RunAsync("volume", "exists", "exists-vol");
        var absent = await modpod.RunAsync("volume", "exists", "no-such-vol");

        Assert.Equal(0, present.ExitCode);
        Assert.Equal(1, absent.ExitCode);
        await modpod.RunAsync("volume", "rm", "exists-vol");
    }

    [Fact]
    public async Task Prune_removes_unused_volumes_and_keeps_those_a_container_names()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("volume", "create", "--label", "prune-test=1", "prune-free");
        await modpod.RunAsync("volume", "create", "--label", "prune-test=1", "prune-kept");
        await modpod.RunAsync("create", "--name", "prune-user", "-v", "prune-kept:/data", image, "true");

        var prune = await modpod.RunAsync("volume", "prune", "-f", "-a", "--filter", "label=prune-test=1");

        ModpodAssert.Exit(0, prune);
        Assert.Equal(["prune-free"], prune.Lines);
        Assert.Equal(1, (await modpod.RunAsync("volume", "exists", "prune-free")).ExitCode);
        Assert.Equal(0, (await modpod.RunAsync("volume", "exists", "prune-kept")).ExitCode);
        await modpod.RunAsync("rm", "prune-user");
        await modpod.RunAsync("volume", "rm", "prune-kept");
    }

    [Fact]
    public async Task Prune_without_all_removes_only_unused_anonymous_volumes()
    {
        await modpod.RunAsync("volume", "create", "--label", "anon-prune=1", "anon-prune-named");
        var anonymous = (await modpod.RunAsync("volume", "create", "--label", "anon-prune=1")).StandardOutput.Trim();

        var prune = await modpod.RunAsync("volume", "prune", "-f", "--filter", "label=anon-prune=1");

        ModpodAssert.Exit(0, prune);
        Assert.Equal([anonymous], prune.Lines);
        Assert.Equal(0, (await modpod.RunAsync("volume", "exists", "anon-prune-named")).ExitCode);
        await modpod.RunAsync("volume", "rm", "anon-prune-named");
    }

    [Fact]
    public async Task Volume_ls_template_sees_labels_as_text()
    {
        await modpod.RunAsync("volume", "create", "--label", "lbl=text", "labels-text");

        var json = await modpod.RunAsync("volume", "ls", "--filter", "name=labels-text", "--format", "{{json .Labels}}");
        var plain = await modpod.RunAsync("volume", "ls", "--filter", "name=labels-text", "--format", "{{.Labels}}");

        Assert.Equal("\"lbl=text\"", json.StandardOutput.Trim());
        Assert.Equal("lbl=text", plain.StandardOutput.Trim());
        await modpod.RunAsync("volume", "rm", "labels-text");
    }

    [Fact]
    public async Task Export_then_import_carries_a_volumes_files_into_another()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var archive = Path.Combine(modpod.Directory, "work", "export-vol.tar");
        await modpod.RunAsync("run", "--rm", "-v", "export-src:/data", image, "sh", "-c", "mkdir /data/d && echo round > /data/d/f");
        await modpod.RunAsync("volume", "create", "export-dst");

        var export = await modpod.RunAsync("volume", "export", "-o", archive, "export-src");
        var import = await modpod.RunAsync("volume", "import", "export-dst", archive);
        var read = await modpod.RunAsync("run", "--rm", "-v", "export-dst:/data", image, "cat", "/data/d/f");

        ModpodAssert.Exit(0, export);
        ModpodAssert.Exit(0, import);
        Assert.Equal("round", read.Output);
        File.Delete(archive);
        await modpod.RunAsync("volume", "rm", "export-src", "export-dst");
    }

    [Fact]
    public async Task A_tmpfs_volume_is_mounted_while_used_and_unmounted_when_the_last_user_stops()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=2m", "tmpfs-vol");
        var mountPoint = Path.Combine(modpod.GraphRoot, "volumes", "tmpfs-vol", "_data");

        await modpod.RunAsync("run", "-d", "--name", "tmpfs-user", "-v", "tmpfs-vol:/data", image, "sleep", "300");
        var whileRunning = HostTraces.MountPoints().Contains(mountPoint);
        var df = await modpod.RunAsync("inspect", "--format", "{{range .Mounts}}{{.Name}}{{end}}", "tmpfs-user");
        var count = await modpod.RunAsync("volume", "inspect", "--format", "{{.MountCount}}", "tmpfs-vol");
        await modpod.RunAsync("rm", "-f", "-t", "0", "tmpfs-user");
        var afterStop = HostTraces.MountPoints().Contains(mountPoint);

        Assert.True(whileRunning);
        Assert.Equal("tmpfs-vol", df.Output);
        Assert.Equal("1", count.Output);
        Assert.False(afterStop);
        await modpod.RunAsync("volume", "rm", "tmpfs-vol");
    }
}
