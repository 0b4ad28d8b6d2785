namespace Modular.TestImages;

/// <summary>
/// The images Podman's system tests pull by public names, built on busybox-static. Each
/// builder takes the architecture so a manifest list can carry two platforms, as the
/// real multi-arch images do; the binaries are the host's whatever the label says.
/// </summary>
public static class PodmanSuiteImages
{
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    // build-testimage pins testimage-id's mtime to this for the `run --tz` test.
    private static readonly DateTimeOffset TestImageIdTime = DateTimeOffset.FromUnixTimeSeconds(1600000000);

    // The second build's --timestamp: the image, its steps and its created_at label share it.
    private const string TestImageCreated = "2024-10-11T00:00:00Z";

    private const string TestImageScript = "test/system/build-testimage";

    /// <summary>
    /// quay.io/libpod/testimage:20241011 as build-testimage makes it: an interim image built
    /// with --squash-all (one layer holding Alpine, the packages and the /home/podman files),
    /// then LABEL, LABEL, WORKDIR and CMD built on it with --squash and a fixed --timestamp,
    /// which adds one layer with no files (an empty tar) and history entries for each step.
    /// </summary>
    public static async Task<TestImage> TestImageAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default)
    {
        var entries = await AlpineLikeEntriesAsync(hardLinks: false, cancellationToken);
        // build-testimage's / is 555, as the filesystem RPM makes it (030-run checks it).
        entries.Insert(0, LayerEntry.Dir("./", (UnixFileMode)0b101_101_101));
        entries.AddRange(
        [
            LayerEntry.Dir("home/podman/"),
            new LayerEntry("home/podman/testimage-id", LayerEntryKind.File,
                System.Text.Encoding.UTF8.GetBytes(PodmanSuiteFiles.TestImageTag + "\n"),
                ModificationTime: TestImageIdTime),
            LayerEntry.File("home/podman/pause", PodmanSuiteFiles.Pause, Executable),
            LayerEntry.File("home/podman/healthcheck", PodmanSuiteFiles.Healthcheck, Executable),
            LayerEntry.File("home/podman/bytecheck", PodmanSuiteFiles.Bytecheck, Executable),
            LayerEntry.File("bin/busybox-extras", PodmanSuiteFiles.BusyboxExtras, Executable),
        ]);
        var extras = new ImageRuntimeExtras(
            Labels: new Dictionary<string, string>
            {
                ["created_by"] = TestImageScript,
                ["created_at"] = TestImageCreated,
            },
            WorkingDir: "/home/podman");
        return new TestImage(
            name,
            [LayerBuilder.Build(entries), LayerBuilder.Build([])],
            architecture,
            Cmd: ["/bin/echo", "This container is intended for podman CI testing"],
            Extras: extras,
            History: TestImageHistory(architecture),
            Created: TestImageCreated);
    }

    /// <summary>The history buildah records for build-testimage's two builds.</summary>
    private static List<HistoryStep> TestImageHistory(string architecture)
    {
        // The first build's FROM names Docker Hub's per-architecture repository.
        var repository = architecture == "arm64" ? "arm64v8" : architecture;
        const string nop = "/bin/sh -c #(nop) ";
        return
        [
            new(TestImageCreated, "/bin/sh -c rm -f /var/cache/apk/*",
                Comment: $"FROM docker.io/{repository}/alpine:3.20.3"),
            new(TestImageCreated, nop + "LABEL created_by=" + TestImageScript, EmptyLayer: true,
                Comment: "FROM localhost/interim-image:latest"),
            new(TestImageCreated, nop + "LABEL created_at=" + TestImageCreated, EmptyLayer: true),
            new(TestImageCreated, nop + "WORKDIR /home/podman", EmptyLayer: true),
            new(TestImageCreated,
                nop + "CMD [\"/bin/echo\", \"This container is intended for podman CI testing\"]"),
        ];
    }

    /// <summary>testimage:00000004: plain busybox with a label of its own, so its own ID.</summary>
    public static async Task<TestImage> NonLocalAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default) =>
        new(
            name,
            [await TestImageCatalog.BusyboxLayerAsync(cancellationToken)],
            architecture,
            Extras: new ImageRuntimeExtras(Labels: new Dictionary<string, string>
            {
                ["io.modular.test-image"] = "nonlocal",
            }));

    /// <summary>alpine: applets as hard links to busybox (hundreds of regular files).</summary>
    public static async Task<TestImage> AlpineAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default)
    {
        var entries = await AlpineLikeEntriesAsync(hardLinks: true, cancellationToken);
        return new TestImage(name, [LayerBuilder.Build(entries)], architecture, Cmd: ["/bin/sh"]);
    }

    /// <summary>
    /// quay.io/libpod/alpine: an older Alpine (3.10.2) than Docker Hub's alpine, so its own
    /// layer and ID, as the real images are two different images.
    /// </summary>
    public static async Task<TestImage> LibpodAlpineAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default)
    {
        var entries = await AlpineLikeEntriesAsync(hardLinks: true, cancellationToken);
        entries.RemoveAll(e => e.Name == "etc/alpine-release");
        entries.Add(LayerEntry.File("etc/alpine-release", PodmanSuiteFiles.LibpodAlpineRelease));
        return new TestImage(name, [LayerBuilder.Build(entries)], architecture, Cmd: ["/bin/sh"]);
    }

    /// <summary>k8s-pause: /pause sleeping until a signal, as the entrypoint.</summary>
    public static async Task<TestImage> K8sPauseAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default)
    {
        var pause = LayerBuilder.Build([LayerEntry.File("pause", PodmanSuiteFiles.K8sPause, Executable)]);
        return new TestImage(
            name,
            [await TestImageCatalog.BusyboxLayerAsync(cancellationToken), pause],
            architecture,
            Cmd: [],
            Extras: new ImageRuntimeExtras(Entrypoint: ["/pause"]));
    }

    /// <summary>One image of testimage:multiimage: busybox plus a layer naming its platform.</summary>
    public static async Task<TestImage> MultiImageAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default)
    {
        var marker = LayerBuilder.Build(
        [
            LayerEntry.Dir("etc/"),
            LayerEntry.File("etc/multiimage-arch", architecture + "\n"),
        ]);
        return new TestImage(
            name,
            [await TestImageCatalog.BusyboxLayerAsync(cancellationToken), marker],
            architecture);
    }

    /// <summary>An Alpine-shaped root: busybox, its applets, Alpine's /etc and the stand-ins.</summary>
    private static async Task<List<LayerEntry>> AlpineLikeEntriesAsync(
        bool hardLinks,
        CancellationToken cancellationToken)
    {
        var replaced = new HashSet<string>(StringComparer.Ordinal) { "etc/passwd", "etc/group", "usr/bin/nc" };
        var entries = (await BusyboxRootfs.EntriesAsync(cancellationToken))
            .Where(e => !replaced.Contains(e.Name))
            .Select(e => hardLinks && e.Kind == LayerEntryKind.Symlink
                && e.LinkTarget == BusyboxRootfs.BusyboxPath
                    ? LayerEntry.HardLink(e.Name, BusyboxRootfs.BusyboxPath.TrimStart('/'))
                    : e)
            .ToList();
        entries.AddRange(
        [
            LayerEntry.File("etc/passwd", PodmanSuiteFiles.Passwd),
            LayerEntry.File("etc/group", PodmanSuiteFiles.Group),
            LayerEntry.File("etc/os-release", PodmanSuiteFiles.OsRelease),
            LayerEntry.File("etc/alpine-release", PodmanSuiteFiles.AlpineRelease),
            LayerEntry.File("etc/issue", PodmanSuiteFiles.Issue),
            LayerEntry.Symlink("etc/mtab", "../proc/mounts"),
            // Alpine has a sticky /var/tmp; programs (and 030-run.bats) write there.
            LayerEntry.Dir("var/tmp/", (UnixFileMode)0b1_111_111_111),
            LayerEntry.File("bin/printenv", PodmanSuiteFiles.Printenv, Executable),
            LayerEntry.File("usr/bin/getent", PodmanSuiteFiles.Getent, Executable),
            LayerEntry.File("usr/sbin/adduser", PodmanSuiteFiles.Adduser, Executable),
            LayerEntry.File("usr/bin/nc", PodmanSuiteFiles.Nc, Executable),
        ]);
        if (await NativeStandIns.PingAsync(cancellationToken) is { } ping)
        {
            entries.RemoveAll(e => e.Name == "bin/ping");
            entries.Add(LayerEntry.File("bin/ping", ping, Executable));
        }

        return entries;
    }
}
