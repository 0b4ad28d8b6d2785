namespace Modular.TestImages;

/// <summary>
/// The images Podman's API tests (test/apiv2) pull besides the system tests' ones, built on
/// busybox-static: busybox itself (docker.io/library and quay.io/libpod) and the older
/// testimage:20221018, which must differ from the current testimage. Each carries a label
/// of its own so its ID is its own, and the architecture so a list carries two platforms.
/// </summary>
public static class PodmanApiSuiteImages
{
    /// <summary>busybox: the busybox layer and its shell as the command.</summary>
    public static async Task<TestImage> BusyboxAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default) =>
        new(
            name,
            [await TestImageCatalog.BusyboxLayerAsync(cancellationToken)],
            architecture,
            Cmd: ["sh"],
            Extras: Labelled("busybox"));

    /// <summary>testimage:20221018: an older testimage, so another ID than the current one.</summary>
    public static async Task<TestImage> OldTestImageAsync(
        string name,
        string architecture,
        CancellationToken cancellationToken = default) =>
        new(
            name,
            [await TestImageCatalog.BusyboxLayerAsync(cancellationToken)],
            architecture,
            Cmd: ["/bin/echo", "This container is intended for podman CI testing"],
            Extras: Labelled("testimage-20221018"));

    private static ImageRuntimeExtras Labelled(string value) =>
        new(Labels: new Dictionary<string, string> { ["io.modular.test-image"] = value });
}
