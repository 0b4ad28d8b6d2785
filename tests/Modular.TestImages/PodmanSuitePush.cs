namespace Modular.TestImages;

/// <summary>
/// Pushes every image Podman's system tests pull to one registry, under the repository
/// paths a registries.conf rewrite of quay.io and docker.io to that registry yields
/// (quay.io/libpod/x -> libpod/x, docker.io/library/x -> library/x).
/// Prints one "reference digest" line per pushed tag.
/// </summary>
public static class PodmanSuitePush
{
    private delegate Task<TestImage> Builder(string name, string architecture, CancellationToken cancellationToken);

    public static async Task<string> PushAllAsync(string host, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        var pusher = RegistryPusher.ForHost(http, host);
        var lines = new List<string>();
        async Task ListAsync(string repository, string tag, Builder build)
        {
            var name = $"quay.io/{repository}:{tag}";
            var images = new[]
            {
                await build(name, "amd64", cancellationToken),
                await build(name, "arm64", cancellationToken),
            };
            var digest = await pusher.PushListAsync(
                repository, tag, images, ManifestFormat.DockerSchema2, cancellationToken);
            lines.Add($"{host}/{repository}:{tag} {digest}");
        }

        async Task OneAsync(string repository, string tag, TestImage image)
        {
            var digest = await pusher.PushAsync(
                repository, tag, image, ManifestFormat.DockerSchema2, cancellationToken);
            lines.Add($"{host}/{repository}:{tag} {digest}");
        }

        await ListAsync("libpod/testimage", PodmanSuiteFiles.TestImageTag, PodmanSuiteImages.TestImageAsync);
        await ListAsync("libpod/testimage", "00000004", PodmanSuiteImages.NonLocalAsync);
        await ListAsync("libpod/testimage", "multiimage", PodmanSuiteImages.MultiImageAsync);
        await ListAsync("libpod/alpine", "latest", PodmanSuiteImages.LibpodAlpineAsync);
        await ListAsync("library/alpine", "latest", PodmanSuiteImages.AlpineAsync);

        // docker.io/library/busybox: the API suite's pod tests run `podman run busybox top`.
        await ListAsync("library/busybox", "latest", TestImageCatalog.BusyboxAsync);
        await ListAsync("libpod/k8s-pause", "3.5", PodmanSuiteImages.K8sPauseAsync);
        await ListAsync("libpod/testimage", "20221018", PodmanApiSuiteImages.OldTestImageAsync);
        await ListAsync("libpod/busybox", "latest", PodmanApiSuiteImages.BusyboxAsync);
        await ListAsync("library/busybox", "latest", PodmanApiSuiteImages.BusyboxAsync);
        var registry = await RegistryImage.BuildAsync("quay.io/libpod/registry:2.8.2", cancellationToken);
        await OneAsync("libpod/registry", "2.8.2", registry);
        await OneAsync("library/registry", "2.8.2", registry);
        return string.Join('\n', lines);
    }
}
