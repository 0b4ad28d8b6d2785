using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<ContainerInfo> ResolveAsync(
        string nameOrId,
        CancellationToken cancellationToken) =>
        await WithSharedPortsAsync(await RefreshOrThrowAsync(nameOrId, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ContainerInfo>> ListAsync(
        bool all,
        CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var infos = new List<ContainerInfo>();
        var records = await _store.ListAsync(cancellationToken);
        RemoveNamespaceLeftovers(records);
        foreach (var stored in records)
        {
            var record = await RefreshAsync(stored, cancellationToken);
            if (record is not null && (all || record.State.Status is ContainerStatus.Running or ContainerStatus.Stopping))
            {
                infos.Add(await WithSharedPortsAsync(record, cancellationToken));
            }
        }

        return infos;
    }

    /// <summary>Podman's <c>ps --format json</c> keys.</summary>
    public JsonObject Summarize(ContainerInfo container) => SummaryOf(container);

    /// <summary>The same summary without an engine: the remote client shapes its rows with it.</summary>
    public static JsonObject SummaryOf(ContainerInfo container)
    {
        var exited = container.State is ContainerStatus.Exited or ContainerStatus.Stopped;
        return new JsonObject
        {
            ["AutoRemove"] = container.AutoRemove,
            ["Command"] = new JsonArray(container.Command.Select(arg => (JsonNode)JsonValue.Create(arg)!).ToArray()),
            ["Created"] = GoTime.Format(container.Created),
            ["CreatedAt"] = $"{HumanDuration.Format(DateTimeOffset.UtcNow - container.Created)} ago",
            ["CIDFile"] = "",
            ["Exited"] = exited,
            ["ExitedAt"] = container.FinishedAt?.ToUnixTimeSeconds() ?? -62135596800L,
            ["ExitCode"] = container.ExitCode ?? 0,
            ["ExposedPorts"] = ExposedPortsJson(container.ExposedPorts),
            ["Id"] = container.Id,
            ["Image"] = container.ImageName,
            ["ImageID"] = container.ImageId,
            ["IsInfra"] = container.IsInfra,
            ["Labels"] = ToJsonObject(container.Labels),
            ["Mounts"] = new JsonArray(),
            ["Names"] = new JsonArray(container.Name),
            ["Namespaces"] = new JsonObject(),
            ["Networks"] = new JsonArray((container.Networks ?? []).Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            ["Pid"] = container.Pid ?? 0,
            ["Pod"] = container.Pod,
            ["PodName"] = container.PodName,
            ["Ports"] = PortsJson(container.Ports),
            ["Restarts"] = container.RestartCount,
            ["Size"] = null,
            ["StartedAt"] = container.StartedAt?.ToUnixTimeSeconds() ?? -62135596800L,
            ["State"] = container.State,
            ["Status"] = StatusText(container),
        };
    }

    /// <summary>The STATUS column: "Up 3 seconds", "Exited (0) 2 seconds ago", "Created".</summary>
    public static string StatusText(ContainerInfo container)
    {
        var now = DateTimeOffset.UtcNow;
        return container.State switch
        {
            ContainerStatus.Running =>
                $"Up {HumanDuration.Format(now - (container.StartedAt ?? now))}{HealthSuffix(container)}",
            ContainerStatus.Exited or ContainerStatus.Stopped =>
                $"Exited ({container.ExitCode ?? 0}) {HumanDuration.Format(now - (container.FinishedAt ?? now))} ago",
            ContainerStatus.Paused => "Paused",
            _ => "Created",
        };
    }

    /// <summary>" (healthy)", " (unhealthy)", " (starting)" after Up, as Podman's ps.</summary>
    public static string HealthSuffix(ContainerInfo container) =>
        container.HealthStatus.Length > 0 ? $" ({container.HealthStatus})" : "";

    private async Task<ContainerRecord> RefreshOrThrowAsync(
        string nameOrId,
        CancellationToken cancellationToken) =>
        await RefreshAsync(await FindAsync(nameOrId, cancellationToken), cancellationToken)
            ?? throw NoSuchContainer(nameOrId);

    // Reconciles a container recorded live whose conmon has reported an exit or is gone;
    // null when that cleanup removed it (--rm).
    private async Task<ContainerRecord?> RefreshAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        if (!IsGone(record) && !HasNetworkLeftover(record))
        {
            return record;
        }

        await using var containerLock = await LockAsync(record.Config.Id, cancellationToken);
        var current = await _store.FindAsync(record.Config.Id, cancellationToken);
        if (current is null)
        {
            ForgetLockFile(record.Config.Id);
            return null;
        }

        return await CleanupLockedAsync(current, null, cancellationToken);
    }

    private static JsonObject ToJsonObject(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = value;
        }

        return json;
    }
}
