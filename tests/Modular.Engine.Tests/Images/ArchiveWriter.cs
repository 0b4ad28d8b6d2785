using System.Formats.Tar;
using System.Text;
using Modular.Engine.Images;

namespace Modular.Engine.Tests.Images;

/// <summary>Writes docker-archive and oci-archive files of a <see cref="TestImage"/>.</summary>
public static class ArchiveWriter
{
    public static void Docker(TestImage image, string path, params string[] repoTags)
    {
        var configName = Digests.Hex(Digests.Of(image.Config)) + ".json";
        var layerNames = image.Layers.Select((_, i) => $"layer{i}/layer.tar").ToList();
        var tags = string.Join(",", repoTags.Select(t => $"\"{t}\""));
        var layers = string.Join(",", layerNames.Select(l => $"\"{l}\""));
        var files = new List<(string, byte[])>
        {
            ("manifest.json", Encoding.UTF8.GetBytes($"[{{\"Config\":\"{configName}\",\"RepoTags\":[{tags}],\"Layers\":[{layers}]}}]")),
            (configName, image.Config),
        };
        files.AddRange(image.Layers.Select((l, i) => (layerNames[i], l.Blob)));
        Write(path, files);
    }

    public static void Oci(TestImage image, string path, string? refName)
    {
        var annotations = refName is null ? "" : $",\"annotations\":{{\"org.opencontainers.image.ref.name\":\"{refName}\"}}";
        var index = $"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + $"\"digest\":\"{image.ManifestDigest}\",\"size\":{image.Manifest.Length}{annotations}}}]}}";
        var files = new List<(string, byte[])>
        {
            ("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}"u8.ToArray()),
            ("index.json", Encoding.UTF8.GetBytes(index)),
            (Blob(image.ManifestDigest), image.Manifest),
            (Blob(Digests.Of(image.Config)), image.Config),
        };
        files.AddRange(image.Layers.Select(l => (Blob(l.Digest), l.Blob)));
        Write(path, files);
    }

    private static string Blob(string digest) => "blobs/sha256/" + Digests.Hex(digest);

    private static void Write(string path, List<(string Name, byte[] Data)> files)
    {
        using var output = File.Create(path);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        foreach (var (name, data) in files)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
    }
}
