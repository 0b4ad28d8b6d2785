using System.Text.Json.Nodes;

namespace Modular.TestImages;

/// <summary>
/// The images the tests use, all built on the busybox layer. The hostile ones put their
/// attack in a layer above it; <c>marker</c> names the file an escape would create on the
/// host, so a test can check that it does not exist.
/// </summary>
public static class TestImageCatalog
{
    public const string DefaultMarker = "modular-escape-x";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Layer? _busyboxLayer;

    /// <summary>The one busybox layer, built once per process (it is ~2 MB).</summary>
    public static async Task<Layer> BusyboxLayerAsync(CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var entries = _busyboxLayer is null ? await BusyboxRootfs.EntriesAsync(cancellationToken) : [];
            return _busyboxLayer ??= LayerBuilder.Build(entries);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<TestImage> BusyboxAsync(
        string name = "localhost/busybox:latest",
        string architecture = "amd64",
        CancellationToken cancellationToken = default) =>
        new(name, [await BusyboxLayerAsync(cancellationToken)], architecture);

    /// <summary>Busybox whose config has a HEALTHCHECK (Docker's image-config object).</summary>
    public static async Task<TestImage> HealthcheckAsync(
        string name,
        JsonObject healthcheck,
        CancellationToken cancellationToken = default) =>
        new(name, [await BusyboxLayerAsync(cancellationToken)], Healthcheck: healthcheck);

    /// <summary>Busybox plus a layer holding a token: blobs shared with no other image.</summary>
    public static Task<TestImage> UniqueAsync(
        string name,
        string token,
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(
            name,
            cancellationToken,
            [LayerEntry.Dir("etc/"), LayerEntry.File("etc/modular-token", token + "\n")]);

    /// <summary>
    /// Whiteout, opaque directory, hard link and symlinks. The merged view a user sees is
    /// described by <see cref="LayeredExpectations"/>.
    /// </summary>
    public static Task<TestImage> LayeredAsync(
        string name = "localhost/layered:latest",
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(name, cancellationToken, LayeredLower(), LayeredUpper());

    private static LayerEntry[] LayeredLower() =>
    [
        LayerEntry.Dir("data/"),
        LayerEntry.File("data/gone", "removed by a whiteout\n"),
        LayerEntry.File("data/kept", "kept\n"),
        LayerEntry.Dir("opaque/"),
        LayerEntry.File("opaque/old", "hidden by the opaque marker\n"),
        LayerEntry.Dir("opaque/olddir/"),
        LayerEntry.File("opaque/olddir/deep", "hidden too\n"),
    ];

    private static LayerEntry[] LayeredUpper() =>
    [
        LayerEntry.Dir("data/"),
        LayerEntry.File("data/.wh.gone", string.Empty),
        LayerEntry.File("data/target", "hello\n"),
        LayerEntry.HardLink("data/hard", "data/target"),
        LayerEntry.Symlink("data/sym", "target"),
        LayerEntry.Symlink("data/abs", "/data/target"),
        LayerEntry.Dir("opaque/"),
        LayerEntry.File("opaque/.wh..wh..opq", string.Empty),
        LayerEntry.File("opaque/new", "new\n"),
    ];

    /// <summary>An entry named ../../../tmp/MARKER: refused, or confined to the layer root.</summary>
    public static Task<TestImage> DotDotAsync(
        string name,
        string marker = DefaultMarker,
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(
            name,
            cancellationToken,
            [LayerEntry.Dir("srv/"), LayerEntry.File("../../../../../../../../tmp/" + marker, "pwned\n")]);

    /// <summary>A hard link whose target climbs out of the root: must be refused.</summary>
    public static Task<TestImage> HardLinkEscapeAsync(
        string name,
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(
            name,
            cancellationToken,
            [LayerEntry.Dir("srv/"), LayerEntry.HardLink("srv/passwd", "../../etc/passwd")]);

    /// <summary>The same path twice in one layer: must be refused.</summary>
    public static Task<TestImage> DuplicatePathAsync(
        string name,
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(
            name,
            cancellationToken,
            [
                LayerEntry.Dir("srv/"),
                LayerEntry.File("srv/dup", "one\n"),
                LayerEntry.File("srv/dup", "two\n"),
            ]);

    /// <summary>l -> / and then a file written through l: refused, or confined to the image.</summary>
    public static Task<TestImage> SymlinkRootWriteAsync(
        string name,
        string marker = DefaultMarker,
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(
            name,
            cancellationToken,
            [LayerEntry.Symlink("l", "/"), LayerEntry.File("l/tmp/" + marker, "pwned\n")]);

    /// <summary>A lower layer etc -> /etc and an upper layer writing etc/MARKER.</summary>
    public static Task<TestImage> EtcSymlinkAsync(
        string name,
        string marker = DefaultMarker,
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(
            name,
            cancellationToken,
            [LayerEntry.Symlink("etc", "/etc")],
            [LayerEntry.File("etc/" + marker, "pwned\n")]);

    /// <summary>Absolute symlinks that must resolve inside the image (srv/passwd -> /etc/passwd).</summary>
    public static Task<TestImage> AbsoluteSymlinkAsync(
        string name,
        CancellationToken cancellationToken = default) =>
        OnBusyboxAsync(
            name,
            cancellationToken,
            [
                LayerEntry.Dir("srv/"),
                LayerEntry.Symlink("srv/passwd", "/etc/passwd"),
                LayerEntry.Symlink("srv/run", "/var/run"),
            ]);

    /// <summary>
    /// Busybox plus <paramref name="layers"/> layers of incompressible random data, about
    /// <paramref name="totalBytes"/> in all: for pull and push benchmarks and for killing a
    /// pull in the middle of a blob. <paramref name="seed"/> makes the bytes repeatable.
    /// </summary>
    public static async Task<TestImage> RandomLayersAsync(
        string name,
        int layers,
        long totalBytes,
        int seed = 1,
        CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var perLayer = (int)(totalBytes / layers);
        var built = new List<Layer> { await BusyboxLayerAsync(cancellationToken) };
        for (var i = 0; i < layers; i++)
        {
            var data = new byte[perLayer];
            random.NextBytes(data);
            built.Add(LayerBuilder.Build([LayerEntry.Dir("data/"), LayerEntry.File($"data/random-{i}", data)]));
        }

        return new TestImage(name, built);
    }

    /// <summary>Busybox declaring VOLUME /srv/data, a directory of mode 0750 holding a seed file.</summary>
    public static async Task<TestImage> WithVolumeAsync(
        string name = "localhost/with-volume:latest",
        CancellationToken cancellationToken = default) =>
        (await OnBusyboxAsync(
            name,
            cancellationToken,
            [
                LayerEntry.Dir("srv/"),
                LayerEntry.Dir("srv/data/", (UnixFileMode)0b111_101_000),
                LayerEntry.File("srv/data/seed", "from-image\n"),
            ])) with { Volumes = ["/srv/data"] };

    private static async Task<TestImage> OnBusyboxAsync(
        string name,
        CancellationToken cancellationToken,
        params IEnumerable<LayerEntry>[] upperLayers)
    {
        var layers = new List<Layer> { await BusyboxLayerAsync(cancellationToken) };
        layers.AddRange(upperLayers.Select(LayerBuilder.Build));
        return new TestImage(name, layers);
    }
}
