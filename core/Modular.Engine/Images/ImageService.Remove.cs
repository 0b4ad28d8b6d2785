using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>
/// rmi as libimage does it: a name of an image holding several is only untagged; otherwise
/// the image goes and, unless told noprune, so does each parent it leaves dangling.
/// </summary>
public sealed partial class ImageService
{
    public Task<IReadOnlyList<string>> RemoveAsync(
        string nameOrId,
        bool force,
        CancellationToken cancellationToken) =>
        RemoveAsync(nameOrId, force, noPrune: false, cancellationToken);

    public async Task<IReadOnlyList<string>> RemoveAsync(
        string nameOrId,
        bool force,
        bool noPrune,
        CancellationToken cancellationToken)
    {
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        var record = await FindWritableAsync(state, nameOrId, cancellationToken);
        var name = NameMatched(record, nameOrId);
        if (name is not null && record.Names.Count > 1)
        {
            return await UntagOnlyAsync(state, record, name, cancellationToken);
        }

        var users = await usage.ContainersUsingAsync(record.Id, cancellationToken);
        if (users.Count > 0 && !force)
        {
            throw new WrongStateException(
                $"image used by {users[0]}: image is in use by a container: consider listing "
                + "external containers and force-removing image");
        }

        var parent = noPrune ? "" : (await ImageLineage.ReadAsync(store, state, cancellationToken)).ParentOf(record.Id);
        var lines = await DeleteReportedAsync(state, record, name ?? record.Names.FirstOrDefault() ?? record.Id,
            cancellationToken);
        if (parent.Length > 0)
        {
            lines.AddRange(await PruneDanglingParentsAsync(parent, cancellationToken));
        }

        return lines;
    }

    // libimage records a remove event for every name rmi is given, even one it only
    // untags (its remove event is deferred at the top of the removal), so events show
    // "untag" then "remove" (compat: "delete") for `rmi NAME` of a multi-named image.
    private async Task<IReadOnlyList<string>> UntagOnlyAsync(
        StoreState state,
        ImageRecord record,
        string name,
        CancellationToken cancellationToken)
    {
        var names = record.Names.Where(n => n != name).ToList();
        state.PutImage(record with { Names = names, NamesHistory = WithHistory(names, record) });
        await store.WriteAsync(state, cancellationToken);
        await events.AppendAsync("untag", record.Id, name, cancellationToken);
        await events.AppendAsync("remove", record.Id, name, cancellationToken);
        return [$"Untagged: {name}"];
    }

    private async Task<List<string>> DeleteReportedAsync(
        StoreState state,
        ImageRecord record,
        string referencedBy,
        CancellationToken cancellationToken)
    {
        await DeleteAsync(state, record, cancellationToken);
        foreach (var untagged in record.Names)
        {
            await events.AppendAsync("untag", record.Id, untagged, cancellationToken);
        }

        await events.AppendAsync("remove", record.Id, referencedBy, cancellationToken);
        return [.. record.Names.Select(n => $"Untagged: {n}"), $"Deleted: {record.Id}"];
    }

    /// <summary>
    /// Removes <paramref name="parentId"/> and its own parents while each is dangling (no
    /// name, no other child) and no container uses it, as libimage's recursive removal does.
    /// </summary>
    private async Task<List<string>> PruneDanglingParentsAsync(
        string parentId,
        CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (parentId.Length > 0)
        {
            var state = await store.ReadAsync(cancellationToken);
            var lineage = await ImageLineage.ReadAsync(store, state, cancellationToken);
            var parent = state.Images.FirstOrDefault(i => i.Id == parentId);
            if (parent is null || !lineage.IsDangling(parent)
                || (await usage.ContainersUsingAsync(parent.Id, cancellationToken)).Count > 0)
            {
                break;
            }

            parentId = lineage.ParentOf(parent.Id);
            // libimage removes a pruned parent with no name it was referenced by.
            lines.AddRange(await DeleteReportedAsync(state, parent, "", cancellationToken));
        }

        return lines;
    }
}
