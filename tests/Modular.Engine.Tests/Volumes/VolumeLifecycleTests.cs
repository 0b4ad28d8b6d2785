using Modular.Contracts.Errors;
using Modular.Engine.Volumes;
using Xunit;

namespace Modular.Engine.Tests.Volumes;

/// <summary>The volume store and lifecycle on a temp graphroot and runroot.</summary>
public sealed class VolumeLifecycleTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("modular-volumes-");
    private readonly VolumeLifecycle _volumes;

    public VolumeLifecycleTests() =>
        _volumes = new VolumeLifecycle(new VolumeStore(
            Path.Combine(_root.FullName, "graph"),
            Path.Combine(_root.FullName, "run")));

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_created_volume_has_podmans_layout_and_flags()
    {
        var volume = await _volumes.CreateAsync(new VolumeCreateRequest("v1", Labels: ["a=b"]), default);

        Assert.True(Directory.Exists(Path.Combine(_root.FullName, "graph", "volumes", "v1", "_data")));
        Assert.Equal("b", volume.Labels["a"]);
        Assert.True(volume.NeedsCopyUp);
        Assert.True(volume.NeedsChown);
        Assert.Equal(1, volume.LockNumber);
    }

    [Fact]
    public async Task A_taken_name_fails_unless_existing_is_ignored()
    {
        await _volumes.CreateAsync(new VolumeCreateRequest("twice"), default);

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => _volumes.CreateAsync(new VolumeCreateRequest("twice"), default));
        var ignored = await _volumes.CreateAsync(new VolumeCreateRequest("twice", IgnoreExisting: true), default);

        Assert.Equal("volume with name twice already exists: volume already exists", error.Message);
        Assert.Equal("twice", ignored.Name);
    }

    [Fact]
    public async Task An_unnamed_volume_gets_a_64_hex_name()
    {
        var volume = await _volumes.CreateAsync(new VolumeCreateRequest(), default);

        Assert.Matches("^[0-9a-f]{64}$", volume.Name);
    }

    [Theory]
    [InlineData("colour=red", "invalid mount option colour for driver 'local': invalid argument")]
    [InlineData("size=1g", "volume options size and inodes are not supported: project quotas are not available")]
    public async Task Options_the_local_driver_lacks_are_refused_and_nothing_is_made(string option, string error)
    {
        var thrown = await Assert.ThrowsAnyAsync<ModularException>(
            () => _volumes.CreateAsync(new VolumeCreateRequest("bad", Options: [option]), default));

        Assert.Equal(error, thrown.Message);
        Assert.Null(await _volumes.Store.FindAsync("bad", default));
    }

    [Fact]
    public async Task A_tmpfs_type_without_device_gets_tmpfs_as_its_device()
    {
        var volume = await _volumes.CreateAsync(new VolumeCreateRequest("t", Options: ["type=tmpfs", "o=size=1m"]), default);

        Assert.Equal("tmpfs", volume.Options["device"]);
        Assert.True(volume.HasMountOptions);
    }

    [Fact]
    public async Task Filters_match_as_podman_combines_them()
    {
        var a = await _volumes.CreateAsync(new VolumeCreateRequest("alpha", Labels: ["env=prod"]), default);
        var b = await _volumes.CreateAsync(new VolumeCreateRequest("beta", Labels: ["env=dev"]), default);
        var now = DateTimeOffset.UtcNow;

        var byLabel = VolumeFilter.Parse(["label=env=prod", "label=env=dev", "name=^al"], prune: false);
        var dangling = VolumeFilter.Parse(["dangling=true"], prune: false);
        var until = VolumeFilter.Parse(["until=1h"], prune: true);

        Assert.True(byLabel.Matches(a, false, now));
        Assert.False(byLabel.Matches(b, false, now));
        Assert.False(dangling.Matches(a, inUse: true, now));
        Assert.True(dangling.Matches(b, inUse: false, now));
        Assert.False(until.Matches(a, false, now));
        Assert.Throws<InvalidInputException>(() => VolumeFilter.Parse(["name=x"], prune: true));
    }
}
