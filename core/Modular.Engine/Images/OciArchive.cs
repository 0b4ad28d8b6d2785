using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>An extracted OCI image layout: index.json naming manifests in blobs/sha256.</summary>
internal static class OciArchive
{
    private const string RefName = "org.opencontainers.image.ref.name";
    private const string ContainerdName = "io.containerd.image.name";

    public static async Task<IReadOnlyList<ImageCommit>> ReadAsync(
        string directory,
        CancellationToken ct)
    {
        var index = Manifest.Parse(await File.ReadAllBytesAsync(Path.Combine(directory, "index.json"), ct),
            MediaTypes.OciIndex);
        var commits = new List<ImageCommit>();
        foreach (var top in index.Children)
        {
            commits.Add(await ReadImageAsync(directory, top, ct));
        }

        return commits.Count > 0 ? commits : throw new InvalidInputException("index.json lists no image");
    }

    internal static async Task<ImageCommit> ReadImageAsync(
        string directory,
        Descriptor top,
        CancellationToken ct)
    {
        var body = await ArchiveBlobs.ReadVerifiedAsync(directory, top, ct);
        var manifest = Manifest.Parse(body, top.MediaType);
        var digests = new List<string> { top.Digest };
        if (manifest.IsIndex)
        {
            var child = manifest.Choose(Platform.Host());
            body = await ArchiveBlobs.ReadVerifiedAsync(directory, child, ct);
            manifest = Manifest.Parse(body, child.MediaType);
            digests.Add(child.Digest);
        }

        var config = await ArchiveBlobs.ReadVerifiedAsync(directory, manifest.Config!, ct);
        var diffIds = ImageConfigDocument.Parse(config).DiffIds;
        if (diffIds.Count != manifest.Layers.Count)
        {
            throw new InvalidInputException(
                $"config lists {diffIds.Count} layers, manifest {manifest.Layers.Count}");
        }

        var layers = new List<LayerSource>();
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            var path = await ArchiveBlobs.VerifiedPathAsync(directory, manifest.Layers[i], ct);
            layers.Add(ArchiveBlobs.Layer(path, manifest.Layers[i].Digest, diffIds[i]));
        }

        return new ImageCommit(config, body, manifest.MediaType, digests, NamesOf(top), layers);
    }

    /// <summary>
    /// The image's name from its annotations, containerd's first (libimage
    /// nameFromAnnotations), normalized as libimage NormalizeName does: a short name, even a
    /// bare "latest", goes under localhost/ (Podman 4.3.1 and 5 agree: localhost/latest:latest).
    /// </summary>
    private static List<string> NamesOf(Descriptor top)
    {
        var annotations = top.Annotations ?? new Dictionary<string, string>();
        var name = NonEmpty(annotations.GetValueOrDefault(ContainerdName))
            ?? NonEmpty(annotations.GetValueOrDefault(RefName));
        if (name is null)
        {
            return [];
        }

        return ImageReference.TryParse(name, out var reference) ? [ImageLookup.StoredName(reference!)] : [];
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
