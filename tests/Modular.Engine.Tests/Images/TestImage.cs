using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Modular.Engine.Images;
using Modular.Engine.Registry;
using Modular.Engine.Tests.Registry;

namespace Modular.Engine.Tests.Images;

/// <summary>A small image built in memory: gzip'd layers of text files, config, manifest.</summary>
public sealed record TestImage(byte[] Config, byte[] Manifest, IReadOnlyList<(string Digest, byte[] Blob)> Layers)
{
    public string Id => Digests.Hex(Digests.Of(Config));

    public string ManifestDigest => Digests.Of(Manifest);

    /// <summary>One layer per element; each layer holds one file with that name.</summary>
    public static TestImage Build(params string[] files)
    {
        var layers = files.Select(f => (Tar: Tar(f), Name: f)).ToList();
        var diffIds = string.Join(",", layers.Select(l => $"\"{Digests.Of(l.Tar)}\""));
        var config = Encoding.UTF8.GetBytes(
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\","
            + "\"config\":{\"Cmd\":[\"sh\"],\"Labels\":{\"test\":\"yes\"}},"
            + $"\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[{diffIds}]}}}}");
        var blobs = layers.Select(l => Gzip(l.Tar)).Select(b => (Digests.Of(b), b)).ToList();
        var layerJson = string.Join(",", blobs.Select(b =>
            $"{{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":{b.b.Length},\"digest\":\"{b.Item1}\"}}"));
        var manifest = Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.DockerManifest}\","
            + $"\"config\":{{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":{config.Length},\"digest\":\"{Digests.Of(config)}\"}},"
            + $"\"layers\":[{layerJson}]}}");
        return new TestImage(config, manifest, blobs);
    }

    /// <summary>Puts the image in <paramref name="registry"/> as repository:tag.</summary>
    public void Publish(FakeRegistry registry, string repository, string tag)
    {
        registry.Content[$"{repository}/manifests/{tag}"] = (MediaTypes.DockerManifest, Manifest);
        registry.Content[$"{repository}/manifests/{ManifestDigest}"] = (MediaTypes.DockerManifest, Manifest);
        registry.Content[$"{repository}/blobs/{Digests.Of(Config)}"] = ("application/octet-stream", Config);
        foreach (var (digest, blob) in Layers)
        {
            registry.Content[$"{repository}/blobs/{digest}"] = ("application/octet-stream", blob);
        }
    }

    private static byte[] Tar(string file)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, file)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes($"content of {file}\n")),
                ModificationTime = DateTimeOffset.UnixEpoch,
            };
            writer.WriteEntry(entry);
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
