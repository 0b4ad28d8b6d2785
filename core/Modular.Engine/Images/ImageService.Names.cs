using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

public sealed partial class ImageService
{
    public async Task TagAsync(string nameOrId, string newName, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(newName);
        if (reference.Digest is not null)
        {
            throw new InvalidInputException($"{newName}: a tag cannot contain a digest");
        }

        var name = ImageLookup.StoredName(reference);
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        var record = Find(state, nameOrId);
        ImageWriter.TakeNames(state, [name], record.Id);
        var names = record.Names.Append(name).Distinct().ToList();
        state.PutImage(record with { Names = names, NamesHistory = WithHistory(names, record) });
        await store.WriteAsync(state, cancellationToken);
        await events.AppendAsync("tag", record.Id, name, cancellationToken);
    }

    /// <summary>
    /// Drops the image and the layers nothing else stands on. Layers are flagged incomplete
    /// before their directories go, so a kill half-way is finished by the next store open.
    /// </summary>
    private async Task DeleteAsync(
        StoreState state,
        ImageRecord record,
        CancellationToken cancellationToken)
    {
        state.Images.RemoveAll(i => i.Id == record.Id);
        var inUse = state.LayersInUse();
        var doomed = state.ChainOf(record.TopLayer).Where(l => !inUse.Contains(l.Id)).ToList();
        doomed.ForEach(l => state.PutLayer(l with { Incomplete = true }));
        await store.WriteAsync(state, cancellationToken);

        if (doomed.Count > 0)
        {
            var driver = await drivers.GetAsync(cancellationToken);
            foreach (var layer in doomed)
            {
                await driver.RemoveAsync(layer.Id, cancellationToken);
                state.Layers.RemoveAll(l => l.Id == layer.Id);
            }
        }

        var directory = store.ImageDirectory(record.Id);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        writer.SweepBlobs(state);
        await store.WriteAsync(state, cancellationToken);
    }

    /// <summary>The image name the user typed resolved to, or null when they gave an id.</summary>
    private string? NameMatched(ImageRecord record, string input)
    {
        if (record.Id.StartsWith(input.Replace("sha256:", ""), StringComparison.Ordinal)
            || !ImageReference.TryParse(input, out var reference))
        {
            return null;
        }

        var tagged = reference!.WithDefaultTag();
        var candidates = Registries().UnqualifiedSearchRegistries.Prepend("localhost")
            .Select(d => tagged.Qualify(d).ToString()).Prepend(tagged.ToString()).ToList();
        return record.Names.FirstOrDefault(candidates.Contains)
            ?? record.Names.FirstOrDefault(n => n.EndsWith("/" + tagged, StringComparison.Ordinal));
    }

    // As containers/storage: every change of names puts the current names, in order, at the
    // head of the history, so the history reads current names first, then older ones.
    private static List<string> WithHistory(IReadOnlyList<string> names, ImageRecord record) =>
        [.. names.Concat(record.NamesHistory).Distinct()];
}
