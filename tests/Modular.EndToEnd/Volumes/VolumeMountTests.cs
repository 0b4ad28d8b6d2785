using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Volumes;

/// <summary>-v, --mount, --tmpfs, --volumes-from and image VOLUME entries in real containers.</summary>
[Collection(Collections.Containers)]
public sealed class VolumeMountTests(ModpodFixture modpod)
{
    private const string VolumeImage = "localhost/with-volume:latest";

    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task A_named_volume_written_by_one_container_is_read_by_the_next()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var write = await modpod.RunAsync("run", "--rm", "-v", "shared-vol:/data", image, "sh", "-c", "echo kept > /data/f");
        var read = await modpod.RunAsync("run", "--rm", "-v", "shared-vol:/data", image, "cat", "/data/f");

        ModpodAssert.Exit(0, write);
        Assert.Equal("kept", read.Output);
        await modpod.RunAsync("volume", "rm", "shared-vol");
    }

    [Fact]
    public async Task A_read_only_volume_refuses_writes()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var write = await modpod.RunAsync("run", "--rm", "-v", "ro-vol:/data:ro", image, "touch", "/data/x");

        Assert.NotEqual(0, write.ExitCode);
        Assert.Contains("Read-only file system", write.StandardError);
        await modpod.RunAsync("volume", "rm", "ro-vol");
    }

    [Fact]
    public async Task A_new_volume_is_filled_once_from_the_images_volume_directory()
    {
        await modpod.LoadAsync(await TestImageCatalog.WithVolumeAsync(VolumeImage), expectSuccess: true);

        var first = await modpod.RunAsync("run", "--rm", "-v", "copyup-vol:/srv/data", VolumeImage, "sh", "-c", "cat /srv/data/seed; rm /srv/data/seed");
        var second = await modpod.RunAsync("run", "--rm", "-v", "copyup-vol:/srv/data", VolumeImage, "ls", "/srv/data");
        var flags = await modpod.RunAsync("volume", "inspect", "--format", "{{.NeedsCopyUp}} {{.NeedsChown}}", "copyup-vol");
        var mode = File.GetUnixFileMode(Path.Combine(modpod.GraphRoot, "volumes", "copyup-vol", "_data"));

        Assert.Equal("from-image", first.Output);
        Assert.Equal("", second.Output);
        Assert.Equal("false false", flags.Output);
        Assert.Equal((UnixFileMode)0b111_101_000, mode);
        await modpod.RunAsync("volume", "rm", "copyup-vol");
    }

    [Fact]
    public async Task A_volume_over_a_missing_directory_still_waits_for_its_copy_up()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("volume", "create", "waiting-vol");

        await modpod.RunAsync("run", "--rm", "-v", "waiting-vol:/no-such-dir", image, "true");
        var before = await modpod.RunAsync("volume", "inspect", "--format", "{{.NeedsCopyUp}} {{.NeedsChown}}", "waiting-vol");
        await modpod.RunAsync("run", "--rm", "-v", "waiting-vol:/etc", image, "true");
        var after = await modpod.RunAsync("volume", "inspect", "--format", "{{.NeedsCopyUp}} {{.NeedsChown}}", "waiting-vol");

        Assert.Equal("true true", before.Output);
        Assert.Equal("false false", after.Output);
        await modpod.RunAsync("volume", "rm", "waiting-vol");
    }

    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task An_image_volume_becomes_an_anonymous_volume_that_run_rm_removes()
    {
        await modpod.LoadAsync(await TestImageCatalog.WithVolumeAsync(VolumeImage), expectSuccess: true);
        var before = (await modpod.RunAsync("volume", "ls", "-q")).Lines;

        await modpod.RunAsync("create", "--name", "anon-keep", VolumeImage, "true");
        var inspect = JsonNode.Parse((await modpod.RunAsync("inspect", "anon-keep")).Output)![0]!;
        var anonymous = inspect["Mounts"]![0]!["Name"]!.GetValue<string>();
        var seed = await modpod.RunAsync("run", "--rm", VolumeImage, "cat", "/srv/data/seed");
        var afterRunRm = (await modpod.RunAsync("volume", "ls", "-q")).Lines;
        var rm = await modpod.RunAsync("rm", "-v", "anon-keep");
        var afterRmV = (await modpod.RunAsync("volume", "ls", "-q")).Lines;

        Assert.Equal("/srv/data", inspect["Mounts"]![0]!["Destination"]!.GetValue<string>());
        Assert.Equal("from-image", seed.Output);
        Assert.Equal(before.Append(anonymous).Order(), afterRunRm.Order());
        ModpodAssert.Exit(0, rm);
        Assert.Equal(before.Order(), afterRmV.Order());
    }

    [Fact]
    public async Task Rm_without_v_keeps_anonymous_volumes_and_no_rm_touches_named_ones()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("create", "--name", "anon-left", "-v", "/scratch", "-v", "named-left:/named", image, "true");
        var anonymous = (await modpod.RunAsync("inspect", "--format", "{{range .Mounts}}{{if eq .Destination \"/scratch\"}}{{.Name}}{{end}}{{end}}", "anon-left")).Output;

        await modpod.RunAsync("rm", "anon-left");
        await modpod.RunAsync("run", "--rm", "-v", "named-left:/named", image, "true");

        Assert.Equal(0, (await modpod.RunAsync("volume", "exists", anonymous)).ExitCode);
        Assert.Equal(0, (await modpod.RunAsync("volume", "exists", "named-left")).ExitCode);
        await modpod.RunAsync("volume", "rm", anonymous, "named-left");
    }

    [Fact]
    public async Task Volumes_from_shares_a_containers_volumes_and_ro_makes_them_read_only()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("run", "--name", "vf-source", "-v", "vf-vol:/data", image, "sh", "-c", "echo from-source > /data/f");

        var read = await modpod.RunAsync("run", "--rm", "--volumes-from", "vf-source:ro", image, "cat", "/data/f");
        var write = await modpod.RunAsync("run", "--rm", "--volumes-from", "vf-source:ro", image, "touch", "/data/g");

        Assert.Equal("from-source", read.Output);
        Assert.NotEqual(0, write.ExitCode);
        await modpod.RunAsync("rm", "vf-source");
        await modpod.RunAsync("volume", "rm", "vf-vol");
    }

    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task Tmpfs_and_mount_flags_give_the_container_the_mounts_asked_for()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var host = Directory.CreateTempSubdirectory("modular-bind-");
        await File.WriteAllTextAsync(Path.Combine(host.FullName, "f"), "bound\n");

        var run = await modpod.RunAsync(
            "run", "--rm", "--tmpfs", "/scratch:size=1m",
            "--mount", $"type=bind,source={host.FullName},destination=/host,readonly",
            "--mount", "type=tmpfs,dst=/t2,tmpfs-size=2m",
            image, "sh", "-c", "cat /host/f; grep -E ' /(scratch|host|t2) ' /proc/mounts | cut -d' ' -f2-4");

        ModpodAssert.Exit(0, run);
        Assert.Equal("bound", run.Lines[0]);
        Assert.Contains(run.Lines, l => l.StartsWith("/scratch tmpfs rw", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("/host ", StringComparison.Ordinal) && l.Contains(" ro,"));
        Assert.Contains(run.Lines, l => l.StartsWith("/t2 tmpfs rw", StringComparison.Ordinal));
        host.Delete(recursive: true);
    }

    [Fact]
    public async Task Inspect_shows_mounts_and_binds_in_podmans_shape()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var host = Directory.CreateTempSubdirectory("modular-bind-");

        await modpod.RunAsync("create", "--name", "shape", "-v", "shape-vol:/data", "-v", $"{host.FullName}:/h:ro,z", image, "true");
        var inspect = JsonNode.Parse((await modpod.RunAsync("inspect", "shape")).Output)![0]!;

        var mounts = inspect["Mounts"]!.AsArray();
        Assert.Equal(
            ["Type", "Name", "Source", "Destination", "Driver", "Mode", "Options", "RW", "Propagation"],
            mounts[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("[\"nosuid\",\"nodev\",\"rbind\"]", mounts[0]!["Options"]!.ToJsonString());
        Assert.Equal("z", mounts[1]!["Mode"]!.GetValue<string>());
        Assert.False(mounts[1]!["RW"]!.GetValue<bool>());
        Assert.Equal(
            $"[\"shape-vol:/data:rw,rprivate,nosuid,nodev,rbind\",\"{host.FullName}:/h:ro,z,rprivate,rbind\"]",
            inspect["HostConfig"]!["Binds"]!.ToJsonString());
        await modpod.RunAsync("rm", "shape");
        await modpod.RunAsync("volume", "rm", "shape-vol");
        host.Delete();
    }

    [Fact]
    public async Task The_U_option_chowns_the_source_to_the_containers_user()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var host = Directory.CreateTempSubdirectory("modular-chown-");

        var denied = await modpod.RunAsync("run", "--rm", "--user", "1000:1000", "-v", $"{host.FullName}:/d", image, "touch", "/d/x");
        var chowned = await modpod.RunAsync("run", "--rm", "--user", "1000:1000", "-v", $"{host.FullName}:/d:U", image, "sh", "-c", "touch /d/x && stat -c %u:%g /d");

        Assert.NotEqual(0, denied.ExitCode);
        ModpodAssert.Exit(0, chowned);
        Assert.Equal("1000:1000", chowned.Output);
        host.Delete(recursive: true);
    }

    [Theory]
    [InlineData("rel:data", "Error: invalid container path \"data\", must be an absolute path")]
    [InlineData("/tmp:/b:foo", "Error: invalid option type \"foo\"")]
    [InlineData("/tmp:/b:ro,rw", "Error: invalid options \"ro, rw\", can only specify 1 'rw' or 'ro' option")]
    public async Task A_bad_volume_flag_exits_125_with_podmans_error_and_creates_nothing(string flag, string error)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = (await modpod.RunAsync("volume", "ls", "-q")).Lines;

        var run = await modpod.RunAsync("run", "--rm", "--name", "bad-flag", "-v", flag, image, "true");

        Assert.Equal(125, run.ExitCode);
        Assert.Equal(error, run.StandardError.Trim());
        Assert.False(await modpod.ContainerExistsAsync("bad-flag"));
        Assert.Equal(before, (await modpod.RunAsync("volume", "ls", "-q")).Lines);
    }
}
