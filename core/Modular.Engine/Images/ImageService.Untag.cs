using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>
    /// Podman's <c>untag</c>: drops the given names (all names when none is given) and
    /// never deletes the image. "repo:tag@digest" means "repo@digest", as in
    /// containers/common; a digest reference the image answers to but does not hold as a
    /// name is accepted, since modpod records pulled digests, not digest names.
    /// </summary>
    public async Task UntagAsync(
        string nameOrId,
        IReadOnlyList<string> names,
        CancellationToken cancellationToken)
    {
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        var record = Find(state, nameOrId);
        var remaining = record.Names.ToList();
        var removed = new List<string>();
        foreach (var given in names.Count == 0 ? record.Names : names)
        {
            var reference = ImageReference.Parse(given);
            var name = UntagName(reference);
            if (remaining.Remove(name))
            {
                removed.Add(name);
            }
            else if (reference.Digest is null || !record.Digests.Contains(reference.Digest))
            {
                throw new InvalidInputException($"{name}: tag not known");
            }
        }

        state.PutImage(record with { Names = remaining });
        await store.WriteAsync(state, cancellationToken);
        foreach (var name in removed)
        {
            await events.AppendAsync("untag", record.Id, name, cancellationToken);
        }
    }

    private static string UntagName(ImageReference reference) =>
        reference.Digest is null
            ? ImageLookup.StoredName(reference)
            : (reference with { Tag = null }).Qualify("localhost").ToString();
}
