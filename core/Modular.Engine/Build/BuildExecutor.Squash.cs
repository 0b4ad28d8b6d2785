using System.Text.Json.Nodes;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;

namespace Modular.Engine.Build;

/// <summary>
/// <c>--squash-all</c>: the whole file system becomes the one layer. <c>--squash</c>, as
/// buildah: the base image's layers stay and only the layers this build added become one.
/// </summary>
public sealed partial class BuildExecutor
{
    private async Task<string> SquashAsync(
        BuildSession session,
        BuildStage target,
        string id,
        CancellationToken cancellationToken)
    {
        var baseId = session.Options.SquashAll
            ? null
            : session.StageBases.GetValueOrDefault(target.Index);
        var layer = baseId is null
            ? await SquashAllAsync(id, cancellationToken)
            : await SquashAddedAsync(baseId, id, cancellationToken);
        try
        {
            var config = JsonNode.Parse(await File.ReadAllBytesAsync(
                Path.Combine(store.ImageDirectory(id), "config.json"), cancellationToken));
            var draft = new ImageDraft(
                baseId ?? id,
                (JsonObject)config!["config"]!.DeepClone(),
                layer,
                new HistoryEntry("/bin/sh -c #(nop) squashed", EmptyLayer: layer is null),
                session.Names,
                session.Options.Docker,
                session.Options.Timestamp ?? DateTimeOffset.UtcNow,
                Squash: baseId is null,
                OmitHistory: session.Options.OmitHistory,
                Annotations: session.Annotations);
            var commit = await composer.ComposeAsync(draft, cancellationToken);
            var record = (await writer.CommitAllAsync([commit], cancellationToken))[0];
            session.Committed.Add(record.Id);
            return record.Id;
        }
        finally
        {
            if (layer is not null)
            {
                File.Delete(layer.Path);
            }
        }
    }

    private async Task<CapturedLayer> SquashAllAsync(string id, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(id, cancellationToken);
        await using var view = await TempLayer.CreateAsync(
            layers, image.TopLayerId, cancellationToken);
        return await capture.SquashAsync(view.Root, cancellationToken);
    }

    /// <summary>The layers between the base image's top and the built one's top, as one.</summary>
    private async Task<CapturedLayer?> SquashAddedAsync(
        string baseId,
        string id,
        CancellationToken cancellationToken)
    {
        var baseTop = (await images.ResolveAsync(baseId, cancellationToken)).TopLayerId;
        var top = (await images.ResolveAsync(id, cancellationToken)).TopLayerId;
        var state = await store.ReadAsync(cancellationToken);
        var added = state.ChainOf(top)
            .TakeWhile(l => l.Id != baseTop)
            .Select(l => l.Id)
            .Reverse()
            .ToList();
        return added.Count == 0 ? null : await capture.SquashLayersAsync(added, cancellationToken);
    }
}
