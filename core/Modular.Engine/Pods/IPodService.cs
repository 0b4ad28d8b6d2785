using System.Text.Json.Nodes;

namespace Modular.Engine.Pods;

/// <summary>
/// Pods: a record of their own and an infra container holding the namespaces the members
/// join. Every container operation goes through the container service, so the locks,
/// events and cleanup of containers apply unchanged. Missing pods throw
/// <see cref="Contracts.Errors.NotFoundException"/> with Podman's "no such pod" text.
/// </summary>
public interface IPodService
{
    Task<PodConfig> CreateAsync(PodCreateRequest request, CancellationToken cancellationToken);

    Task<PodView> GetAsync(string nameOrId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PodView>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Starts the infra, then every member.</summary>
    Task<PodView> StartAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Stops the members, then the infra.</summary>
    Task<PodView> StopAsync(string nameOrId, int? timeoutSeconds, CancellationToken cancellationToken);

    Task<PodView> RestartAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Signals every running container of the pod.</summary>
    Task<PodView> KillAsync(string nameOrId, string signal, CancellationToken cancellationToken);

    /// <summary>Pauses every running container, members before the infra; others are skipped.</summary>
    Task<PodView> PauseAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Unpauses every paused container, the infra first; others are skipped.</summary>
    Task<PodView> UnpauseAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Removes the members, the infra and the pod; running ones only with force.</summary>
    Task<string> RemoveAsync(string nameOrId, bool force, int? timeoutSeconds, CancellationToken cancellationToken);

    /// <summary>Removes every pod none of whose containers runs; returns their ids.</summary>
    Task<IReadOnlyList<string>> PruneAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>pod top</c>: the processes of the pod's running containers, with <c>top</c>'s
    /// descriptors; an unknown one throws <see cref="Contracts.Errors.InvalidInputException"/>.
    /// </summary>
    Task<Containers.ContainerProcessTable> TopAsync(
        string nameOrId,
        IReadOnlyList<string> descriptors,
        CancellationToken cancellationToken);

    /// <summary>Podman's <c>pod inspect</c> object.</summary>
    JsonObject Inspect(PodView pod);

    /// <summary>Podman's <c>pod ps --format json</c> object.</summary>
    JsonObject Summarize(PodView pod);
}
