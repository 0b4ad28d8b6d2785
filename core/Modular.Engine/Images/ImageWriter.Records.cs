using Microsoft.Extensions.Logging;

namespace Modular.Engine.Images;

public sealed partial class ImageWriter
{
    /// <summary>Adds or merges the image record; its names move off any other image.</summary>
    private static ImageRecord Record(
        StoreState state,
        string imageId,
        ImageCommit commit,
        ImageConfigDocument config,
        string topLayer,
        long size)
    {
        TakeNames(state, commit.Names, imageId);
        var old = state.Images.Find(i => i.Id == imageId);
        var record = old is null
            ? new ImageRecord(
                imageId,
                [.. commit.Names],
                commit.Digests.FirstOrDefault() ?? "",
                [.. commit.Digests],
                commit.ManifestMediaType,
                topLayer,
                config.Created,
                size,
                [.. commit.Names])
            : old with
            {
                Names = [.. old.Names.Union(commit.Names)],
                Digest = commit.Digests.FirstOrDefault() ?? old.Digest,
                Digests = [.. old.Digests.Union(commit.Digests)],
                NamesHistory = [.. commit.Names.Union(old.NamesHistory)],
            };
        state.PutImage(record);
        return record;
    }

    /// <summary>Removes <paramref name="names"/> from every image but <paramref name="imageId"/>.</summary>
    public static void TakeNames(StoreState state, IEnumerable<string> names, string imageId)
    {
        var set = names.ToHashSet();
        for (var i = 0; i < state.Images.Count; i++)
        {
            var image = state.Images[i];
            if (image.Id != imageId && image.Names.Any(set.Contains))
            {
                state.Images[i] = image with { Names = [.. image.Names.Where(n => !set.Contains(n))] };
            }
        }
    }

    private async Task RollBackAsync(StoreState state, List<string> created, string? newImageId)
    {
        // The store must end exactly as before even when the pull was cancelled, so the
        // clean-up does not take the caller's token; it gets its own bound instead.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var driver = created.Count == 0 ? null : await drivers.GetAsync(timeout.Token);
            foreach (var id in Enumerable.Reverse(created))
            {
                await driver!.RemoveAsync(id, timeout.Token);
                state.Layers.RemoveAll(l => l.Id == id);
            }

            blobs.Sweep(state);

            if (newImageId is not null)
            {
                state.Images.RemoveAll(i => i.Id == newImageId);
                var directory = store.ImageDirectory(newImageId);
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            await store.WriteAsync(state, timeout.Token);
        }
        catch (Exception e) when (
            e is IOException or OperationCanceledException or Contracts.Errors.ModularException)
        {
            // Layers still flagged incomplete are removed by the next store open.
            Log.RollbackFailed(logger, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Applying layer {LayerId} from blob {Digest}")]
        public static partial void ApplyingLayer(ILogger logger, string layerId, string digest);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Removing layer {LayerId} left incomplete by an interrupted pull")]
        public static partial void RemovingIncomplete(ILogger logger, string layerId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Rolling back a failed image commit: {Reason}")]
        public static partial void RollbackFailed(ILogger logger, string reason);
    }
}
