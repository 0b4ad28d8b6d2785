using Modular.Contracts.Errors;
using Modular.Engine.State;
using Modular.Engine.Volumes;
using Xunit;

namespace Modular.Engine.Tests.Volumes;

/// <summary>-v, --mount and --tmpfs as Podman parses them, and Podman's errors.</summary>
public sealed class MountParserTests
{
    private const string Cwd = "/work/here";

    private static IReadOnlyList<ContainerMount> Volumes(params string[] values) =>
        MountParser.Parse(values, [], [], Cwd);

    private static IReadOnlyList<ContainerMount> Mounts(params string[] values) =>
        MountParser.Parse([], values, [], Cwd);

    private static string Error(Action action) => Assert.ThrowsAny<ModularException>(action).Message;

    [Fact]
    public void A_bare_name_is_a_named_volume_and_an_absolute_path_a_bind()
    {
        var mounts = Volumes("data:/data", "/srv:/srv:ro");

        Assert.Equal(ContainerMount.VolumeType, mounts[0].Type);
        Assert.Equal("data", mounts[0].Source);
        Assert.Equal(ContainerMount.BindType, mounts[1].Type);
        Assert.Equal(["ro"], mounts[1].Options);
    }

    [Fact]
    public void A_relative_source_is_resolved_against_the_working_directory()
    {
        var mount = Volumes("./data:/data:ro,z")[0];

        Assert.Equal(ContainerMount.BindType, mount.Type);
        Assert.Equal("/work/here/data", mount.Source);
        Assert.Equal(["ro", "z"], mount.Options);
    }

    [Fact]
    public void A_lone_path_is_an_anonymous_volume_with_the_destination_as_typed()
    {
        // Podman 5's GenVolume keeps a -v container path uncleaned; duplicates compare cleaned.
        var mount = Volumes("/var//cache/./x/")[0];

        Assert.True(mount.Anonymous);
        Assert.Equal("", mount.Source);
        Assert.Equal("/var//cache/./x/", mount.Destination);
        Assert.True(MountParser.SameDestination("/var/cache/x", mount.Destination));
    }

    [Theory]
    [InlineData("x:data", "invalid container path \"data\", must be an absolute path")]
    [InlineData("a:/b:ro:x", "a:/b:ro:x: incorrect volume format, should be [host-dir:]ctr-dir[:option]")]
    [InlineData(":/b", "host directory cannot be empty")]
    [InlineData("/a:", "container directory cannot be empty")]
    [InlineData("/a:/b:bogus", "invalid option type \"bogus\"")]
    [InlineData("/a:/b:ro,rw", "invalid options \"ro, rw\", can only specify 1 'rw' or 'ro' option")]
    [InlineData("/a:/b:z,Z", "invalid options \"z, Z\", can only specify 1 'z', 'Z', or 'O' option")]
    [InlineData("/a:/b:noexec,exec", "invalid options \"noexec, exec\", can only specify 1 'noexec' or 'exec' option")]
    [InlineData("/a:/b:shared,private", "invalid options \"shared, private\", can only specify 1 '[r]shared', '[r]private', '[r]slave' or '[r]unbindable' option")]
    [InlineData("bad name:/b", "invalid volume name \"bad name\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument")]
    public void A_bad_volume_flag_gives_podmans_error(string value, string error)
    {
        Assert.Equal(error, Error(() => Volumes(value)));
    }

    [Fact]
    public void Every_podman_volume_option_is_accepted()
    {
        var mount = Volumes("v:/v:ro,Z,U,noexec,nosuid,nodev,rbind,rslave,nocopy")[0];

        Assert.Equal(9, mount.Options.Count);
        Assert.True(MountOptions.IsReadOnly(mount));
        Assert.True(MountOptions.Chowns(mount));
        Assert.False(MountOptions.CopiesUp(mount));
        Assert.Equal("Z", MountOptions.Mode(mount));
        Assert.Equal("rslave", MountOptions.Propagation(mount));
    }

    [Fact]
    public void Idmap_is_refused_plainly_as_unsupported()
    {
        var error = Assert.Throws<CapabilityMissingException>(() => Volumes("/a:/b:idmap"));

        Assert.Contains("idmap", error.Message);
    }

    [Fact]
    public void A_destination_given_twice_differently_is_a_duplicate()
    {
        Assert.Equal("/b: duplicate mount destination", Error(() => Volumes("/a:/b", "/c:/b")));
        Assert.Equal("/b: duplicate mount destination", Error(() => MountParser.Parse(["v:/b"], [], ["/b"], Cwd)));
        Assert.Single(Volumes("/a:/b", "/a:/b"));
    }

    [Fact]
    public void Mount_flag_keys_map_to_podmans_mounts()
    {
        var mounts = Mounts(
            "type=bind,src=/a,dst=/b,readonly,bind-propagation=rslave",
            "type=volume,source=v,target=/v,volume-nocopy,volume-opt=o=size=1m",
            "type=volume,destination=/anon",
            "type=tmpfs,destination=/t,tmpfs-size=64m,tmpfs-mode=1777");

        Assert.Equal(["ro", "rslave"], mounts[0].Options);
        Assert.Equal(["nocopy", "volume-opt=o=size=1m"], mounts[1].Options);
        Assert.True(mounts[2].Anonymous);
        Assert.Equal(["size=64m", "mode=1777"], mounts[3].Options);
        Assert.Equal(ContainerMount.TmpfsType, mounts[3].Type);
    }

    [Fact]
    public void A_bind_mount_without_source_binds_its_destination()
    {
        Assert.Equal("/etc/hosts", Mounts("type=bind,dst=/etc/hosts")[0].Source);
    }

    [Theory]
    [InlineData("type=bind,src=/a", "must set volume destination")]
    [InlineData("type=bind,src=/a,dst=/b,foo=1", "foo: invalid mount option")]
    [InlineData("type=tmpfs,src=/a,dst=/b", "\"src\" option not supported for \"tmpfs\" mount types")]
    [InlineData("type=bind,dst=/b,tmpfs-size=1m", "\"tmpfs-size\" option not supported for \"bind\" mount types")]
    [InlineData("type=nfs,dst=/b", "invalid filesystem type \"nfs\"")]
    [InlineData("type=bind,dst=b", "invalid container path \"b\", must be an absolute path")]
    [InlineData("type=bind,dst=/b,ro,rw", "cannot pass 'readonly', 'ro', or 'rw' mnt.Options more than once: must provide an argument for option")]
    [InlineData("type=volume,dst=/b,bind-propagation=shared", "\"bind-propagation\" option not supported for \"volume\" mount types")]
    public void A_bad_mount_flag_gives_podmans_error(string value, string error)
    {
        Assert.Equal(error, Error(() => Mounts(value)));
    }

    [Fact]
    public void Tmpfs_flag_takes_a_destination_and_options()
    {
        var mount = MountParser.Parse([], [], ["/run/x:size=1m,mode=700"], Cwd)[0];

        Assert.Equal("/run/x", mount.Destination);
        Assert.Equal(["size=1m", "mode=700"], mount.Options);
        Assert.Equal(["size=1m", "mode=700", "rw", "rprivate", "nosuid", "nodev", "tmpcopyup"], MountOptions.TmpfsOptions(mount));
    }

    [Fact]
    public void Runtime_options_drop_relabel_and_chown_and_add_podmans_defaults()
    {
        var volume = Volumes("v:/v:Z,U")[0];
        var bind = Volumes("/a:/b:ro,z")[0];

        Assert.Equal(["rw", "rprivate", "nosuid", "nodev", "rbind"], MountOptions.ForRuntime(volume));
        Assert.Equal(["ro", "rprivate", "rbind"], MountOptions.ForRuntime(bind));
        Assert.Equal(["ro", "z", "rprivate", "rbind"], MountOptions.Full(bind));
        Assert.Equal(["rbind"], MountOptions.ForInspect(bind));
    }
}
