using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Engine.Images.Transports;

/// <summary>Writes a stored image's layers into a directory and settles its config.</summary>
internal sealed class ImageExportPlanner(LayerExporter layers)
{
    public async Task<ExportedImage> WriteLayersAsync(
        StoredImage image,
        string directory,
        LayerCompression wanted,
        bool ensureCompressed,
        int? level,
        CancellationToken cancellationToken)
    {
        var written = new List<ExportedBlob>();
        try
        {
            foreach (var layer in image.Layers)
            {
                written.Add(await layers.WriteAsync(layer, directory, wanted, ensureCompressed, level, cancellationToken));
            }
        }
        catch
        {
            written.ForEach(b => File.Delete(b.TempPath));
            throw;
        }

        return new ExportedImage(image, SettleConfig(image, written), written);
    }

    /// <summary>The stored config, or a copy naming the diff ids of rebuilt layer tars.</summary>
    private static byte[] SettleConfig(StoredImage image, List<ExportedBlob> written)
    {
        var diffIds = written.Select(b => b.DiffId).ToList();
        if (diffIds.SequenceEqual(image.Layers.Select(l => l.DiffId)))
        {
            return image.Config;
        }

        var root = JsonNode.Parse(image.Config)!.AsObject();
        var rootfs = root["rootfs"] as JsonObject ?? [];
        rootfs["type"] = "layers";
        rootfs["diff_ids"] = new JsonArray([.. diffIds.Select(d => (JsonNode)d)]);
        root["rootfs"] = rootfs;
        return TransportJson.Bytes(root);
    }
}
