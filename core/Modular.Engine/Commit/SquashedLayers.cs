using System.Runtime.CompilerServices;
using Modular.Contracts.Storage;

namespace Modular.Engine.Commit;

/// <summary>
/// Merges the change sets of several stacked layers into the one change set their sum makes
/// against the layer below the first (<c>build --squash</c>). Content streams can be read once
/// only, so a first walk finds which layer has the last word on each path and a second walk
/// hands out those entries, layer by layer.
/// </summary>
internal static class SquashedLayers
{
    /// <param name="diff">The change set of one layer (the driver's diff).</param>
    /// <param name="layerIds">The layers, lowest first.</param>
    public static async IAsyncEnumerable<LayerEntry> MergeAsync(
        Func<string, IAsyncEnumerable<LayerEntry>> diff,
        IReadOnlyList<string> layerIds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = await LastWordsAsync(diff, layerIds, cancellationToken);
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < layerIds.Count; i++)
        {
            await foreach (var entry in diff(layerIds[i]).WithCancellation(cancellationToken))
            {
                if (Emitted(last, emitted, entry, i) is { } output)
                {
                    yield return output;
                }
            }
        }
    }

    /// <summary>
    /// A non-directory goes out from the layer with the last word on its path. A directory
    /// that exists at the end goes out once, where it first appears, with its final metadata:
    /// its children never precede it and a tar holds no path twice.
    /// </summary>
    private static LayerEntry? Emitted(
        Dictionary<string, (int Layer, LayerEntry Entry)> last,
        HashSet<string> emitted,
        LayerEntry entry,
        int layer)
    {
        if (!last.TryGetValue(Key(entry), out var final))
        {
            return null;
        }

        if (IsDirectory(final.Entry.Type))
        {
            return IsDirectory(entry.Type) && emitted.Add(Key(entry)) ? final.Entry : null;
        }

        return final.Layer == layer ? entry : null;
    }

    private static bool IsDirectory(LayerEntryType type) =>
        type is LayerEntryType.Directory or LayerEntryType.OpaqueDirectory;

    /// <summary>Which layer has the last word on each path; directories with their entry.</summary>
    private static async Task<Dictionary<string, (int Layer, LayerEntry Entry)>> LastWordsAsync(
        Func<string, IAsyncEnumerable<LayerEntry>> diff,
        IReadOnlyList<string> layerIds,
        CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, (int, LayerEntry)>(StringComparer.Ordinal);
        for (var i = 0; i < layerIds.Count; i++)
        {
            await foreach (var entry in diff(layerIds[i]).WithCancellation(cancellationToken))
            {
                var path = Key(entry);

                // A whiteout, an opaque directory or a non-directory hides what was below it.
                if (entry.Type != LayerEntryType.Directory)
                {
                    var prefix = path + "/";
                    var children = last.Keys
                        .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                        .ToList();
                    foreach (var child in children)
                    {
                        last.Remove(child);
                    }
                }

                // Only directories are kept whole: a file's content can be read once only.
                last[path] = (i, IsDirectory(entry.Type) ? entry : entry with { Content = null });
            }
        }

        return last;
    }

    private static string Key(LayerEntry entry) => entry.Path.TrimEnd('/');
}
