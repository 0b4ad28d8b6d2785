using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images.Management;

/// <summary>
/// <c>history</c> as libimage computes it: the config's history entries newest first, each
/// non-empty one paired with the next layer down the chain; an entry gets the id of the
/// first image whose top layer that layer is, once, and "&lt;missing&gt;" otherwise.
/// </summary>
public sealed class ImageHistoryReader(IImageService images, ImageStore store) : IImageHistoryReader
{
    public async Task<IReadOnlyList<HistoryEntry>> ReadAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(nameOrId, cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        var config = await File.ReadAllBytesAsync(
            Path.Combine(store.ImageDirectory(image.Id), "config.json"), cancellationToken);
        var history = ImageConfigDocument.Parse(config).Root["history"] as JsonArray ?? [];

        var entries = new List<HistoryEntry>();
        var layer = image.TopLayerId.Length == 0 ? null : state.FindLayer(image.TopLayerId);
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var item = history[i] as JsonObject ?? [];
            var owners = layer is null ? [] : state.Images.Where(x => x.TopLayer == layer.Id).ToList();
            var id = i == history.Count - 1
                ? image.Id
                : await StepImageAsync(owners, i + 1, cancellationToken) ?? "<missing>";
            long size = 0;
            if (item["empty_layer"]?.GetValue<bool>() != true)
            {
                size = layer?.Size ?? throw new InvalidInputException(
                    $"no layer left for non-empty history entry {i} of {nameOrId}");
                layer = layer.Parent is null ? null : state.FindLayer(layer.Parent);
            }

            entries.Add(new HistoryEntry(
                id,
                Time(item["created"]),
                item["created_by"]?.ToString() ?? "",
                size,
                item["comment"]?.ToString() ?? "",
                [.. owners.SelectMany(o => o.Names)]));
        }

        return entries;
    }

    /// <summary>
    /// The image a history row stands for: one on the row's layer whose own history ends at
    /// that row (the base image, or a build's intermediate image), so an empty-layer row
    /// (EXPOSE, CMD) never borrows the id of another image that happens to share its layer.
    /// </summary>
    private async Task<string?> StepImageAsync(
        IReadOnlyList<ImageRecord> owners,
        int historyLength,
        CancellationToken cancellationToken)
    {
        foreach (var owner in owners)
        {
            var path = Path.Combine(store.ImageDirectory(owner.Id), "config.json");
            if (!File.Exists(path))
            {
                continue;
            }

            var config = await File.ReadAllBytesAsync(path, cancellationToken);
            if ((ImageConfigDocument.Parse(config).Root["history"] as JsonArray)?.Count == historyLength)
            {
                return owner.Id;
            }
        }

        return null;
    }

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.TryParse(node?.ToString(), out var time) ? time : DateTimeOffset.MinValue;
}
