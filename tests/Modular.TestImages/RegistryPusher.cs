using System.Net;
using System.Net.Http.Headers;

namespace Modular.TestImages;

/// <summary>
/// Pushes images over the Registry HTTP API v2 without auth, as a test registry on
/// 127.0.0.1 accepts: monolithic blob uploads (POST, then PUT with the digest) and a
/// manifest PUT. Returns the manifest digest the registry reports.
/// </summary>
public sealed class RegistryPusher(HttpClient http, Uri registry)
{
    /// <summary>A pusher for "host:port", speaking plain HTTP.</summary>
    public static RegistryPusher ForHost(HttpClient http, string hostAndPort) =>
        new(http, new Uri("http://" + hostAndPort + "/"));

    public async Task<string> PushAsync(
        string repository,
        string tag,
        TestImage image,
        ManifestFormat format,
        CancellationToken cancellationToken = default)
    {
        await PushBlobsAsync(repository, image, cancellationToken);
        var manifest = ManifestDocuments.ForRegistry(image, format);
        var type = format == ManifestFormat.Oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest;
        return await PutManifestAsync(repository, tag, manifest, type, cancellationToken);
    }

    /// <summary>
    /// Pushes each image's manifest by digest, then a list (Docker) or index (OCI) under the tag.
    /// </summary>
    public async Task<string> PushListAsync(
        string repository,
        string tag,
        IReadOnlyList<TestImage> images,
        ManifestFormat format,
        CancellationToken cancellationToken = default)
    {
        var type = format == ManifestFormat.Oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest;
        var entries = new List<(TestImage, byte[])>();
        foreach (var image in images)
        {
            await PushBlobsAsync(repository, image, cancellationToken);
            var manifest = ManifestDocuments.ForRegistry(image, format);
            await PutManifestAsync(repository, Digests.Sha256(manifest), manifest, type, cancellationToken);
            entries.Add((image, manifest));
        }

        var list = ManifestDocuments.List(format, entries);
        var listType = format == ManifestFormat.Oci ? MediaTypes.OciIndex : MediaTypes.DockerManifestList;
        return await PutManifestAsync(repository, tag, list, listType, cancellationToken);
    }

    private async Task PushBlobsAsync(string repository, TestImage image, CancellationToken cancellationToken)
    {
        await PushBlobAsync(repository, image.Config, cancellationToken);
        foreach (var layer in image.Layers)
        {
            await PushBlobAsync(repository, layer.Gzip, cancellationToken);
        }
    }

    public async Task PushBlobAsync(string repository, byte[] blob, CancellationToken cancellationToken)
    {
        var digest = Digests.Sha256(blob);
        using var head = new HttpRequestMessage(HttpMethod.Head, Url($"v2/{repository}/blobs/{digest}"));
        using var existing = await http.SendAsync(head, cancellationToken);
        if (existing.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        using var start = await http.PostAsync(Url($"v2/{repository}/blobs/uploads/"), null, cancellationToken);
        await EnsureAsync(start, HttpStatusCode.Accepted, "blob upload start", cancellationToken);
        var location = new Uri(registry, start.Headers.Location!);
        var separator = location.Query.Length > 0 ? "&" : "?";
        var target = new Uri(location + separator + "digest=" + Uri.EscapeDataString(digest));

        using var body = new ByteArrayContent(blob);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await http.PutAsync(target, body, cancellationToken);
        await EnsureAsync(put, HttpStatusCode.Created, "blob upload " + digest, cancellationToken);
    }

    private async Task<string> PutManifestAsync(
        string repository,
        string reference,
        byte[] manifest,
        string mediaType,
        CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(manifest);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var url = Url($"v2/{repository}/manifests/{reference}");
        using var put = await http.PutAsync(url, body, cancellationToken);
        await EnsureAsync(put, HttpStatusCode.Created, "manifest " + reference, cancellationToken);
        return put.Headers.TryGetValues("Docker-Content-Digest", out var values)
            ? values.First()
            : Digests.Sha256(manifest);
    }

    private Uri Url(string relative) => new(registry, relative);

    private static async Task EnsureAsync(
        HttpResponseMessage response,
        HttpStatusCode expected,
        string what,
        CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"registry refused {what}: {(int)response.StatusCode} {text.Trim()}");
        }
    }
}
