using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using Modular.Engine.Events;
using Modular.Engine.State;

namespace Modular.Engine.Volumes;

/// <summary>
/// <c>modpod volume</c> over the volume store. Which containers use a volume is read from
/// the container database, so a volume stays in use for as long as a container names it.
/// </summary>
public sealed class VolumeService : IVolumeService
{
    private readonly VolumeLifecycle _lifecycle;
    private readonly ContainerStore _containers;
    private readonly IContainerService _containerService;

    public VolumeService(EngineOptions options, IContainerService containerService, IEventLog events)
    {
        _lifecycle = new VolumeLifecycle(new VolumeStore(options.GraphRoot, options.RunRoot), events);
        _containers = new ContainerStore(options.DatabaseRoot);
        _containerService = containerService;
    }

    private VolumeStore Store => _lifecycle.Store;

    public Task<VolumeRecord> CreateAsync(VolumeCreateRequest request, CancellationToken cancellationToken) =>
        _lifecycle.CreateAsync(request, cancellationToken);

    public async Task<IReadOnlyList<VolumeRecord>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var filter = VolumeFilter.Parse(filters, prune: false);
        var users = await UsersAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return (await Store.ListAsync(cancellationToken))
            .Where(v => filter.Matches(v, users.Contains(v.Name), now))
            .ToList();
    }

    public async Task<JsonObject> InspectAsync(string name, CancellationToken cancellationToken) =>
        ToJson(await Store.GetAsync(name, cancellationToken));

    public JsonObject ToJson(VolumeRecord volume) => VolumeJson.Inspect(volume, Store.MountPointOf(volume.Name));

    public async Task RemoveAsync(string name, bool force, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        name = (await Store.GetAsync(name, cancellationToken)).Name;
        var users = await ContainersUsingAsync(name, cancellationToken);
        if (users.Count > 0 && !force)
        {
            throw new WrongStateException(
                $"volume {name} is being used by the following container(s): {string.Join(", ", users)}: volume is being used");
        }

        foreach (var id in users)
        {
            await _containerService.RemoveAsync(id, force: true, timeoutSeconds, cancellationToken);
        }

        using var volumesLock = await Store.LockAsync(cancellationToken);
        var record = await Store.GetAsync(name, cancellationToken);
        await _lifecycle.DeleteLockedAsync(record, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PruneAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var filter = VolumeFilter.Parse(filters, prune: true);
        var users = await UsersAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        using var volumesLock = await Store.LockAsync(cancellationToken);
        var removed = new List<string>();
        foreach (var volume in await Store.ListAsync(cancellationToken))
        {
            if (!users.Contains(volume.Name) && (filter.PruneAll || volume.Anonymous)
                && filter.Matches(volume, false, now))
            {
                await _lifecycle.DeleteLockedAsync(volume, cancellationToken);
                removed.Add(volume.Name);
            }
        }

        return removed;
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await Store.FindAsync(name, cancellationToken) is not null;

    public async Task ExportAsync(string name, Stream output, CancellationToken cancellationToken)
    {
        var record = await Store.GetAsync(name, cancellationToken);
        await VolumeCommands.ExportAsync(ReadyMountPoint(record), output, cancellationToken);
    }

    public async Task ImportAsync(string name, Stream input, CancellationToken cancellationToken)
    {
        var record = await Store.GetAsync(name, cancellationToken);
        await VolumeCommands.ImportAsync(ReadyMountPoint(record), input, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> AnonymousVolumesOfAsync(
        string container,
        CancellationToken cancellationToken)
    {
        var record = await _containers.FindAsync(container, cancellationToken);
        return record?.Config.Mounts.Where(m => m.Anonymous && m.Source.Length > 0).Select(m => m.Source).ToList()
            ?? [];
    }

    public async Task RemoveIfUnusedAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var users = await UsersAsync(cancellationToken);
        using var volumesLock = await Store.LockAsync(cancellationToken);
        foreach (var name in names.Where(n => !users.Contains(n)))
        {
            if (await Store.FindAsync(name, cancellationToken) is { } record)
            {
                await _lifecycle.DeleteLockedAsync(record, cancellationToken);
            }
        }
    }

    // Limitation: a volume with -o options holds its content only while mounted; export and
    // import of one that no container has mounted would see the empty directory beneath.
    private string ReadyMountPoint(VolumeRecord record)
    {
        var mountPoint = Store.MountPointOf(record.Name);
        if (record.HasMountOptions && !VolumeLifecycle.IsMountPoint(mountPoint))
        {
            throw new WrongStateException(
                $"volume {record.Name} has mount options and is not mounted: start a container using it first");
        }

        return mountPoint;
    }

    private async Task<HashSet<string>> UsersAsync(CancellationToken cancellationToken)
    {
        await _containers.InitializeAsync(cancellationToken);
        return (await _containers.ListAsync(cancellationToken))
            .SelectMany(r => r.Config.Mounts.Where(m => m.Type == ContainerMount.VolumeType).Select(m => m.Source))
            .ToHashSet();
    }

    private async Task<List<string>> ContainersUsingAsync(string name, CancellationToken cancellationToken)
    {
        await _containers.InitializeAsync(cancellationToken);
        return (await _containers.ListAsync(cancellationToken))
            .Where(r => r.Config.Mounts.Any(m => m.Type == ContainerMount.VolumeType && m.Source == name))
            .Select(r => r.Config.Id)
            .ToList();
    }
}
