namespace Modular.Engine.Maintenance;

/// <summary>
/// <c>system df</c> and <c>system prune</c>: the store as a whole. The local engine computes
/// both from its image, container, pod, network and volume services; a remote client asks
/// the service's /libpod/system routes, which answer from the same local implementation.
/// </summary>
public interface ISystemMaintenance
{
    /// <summary>Podman's SystemDfReport: every image name, container and volume, with sizes.</summary>
    Task<SystemDfReport> DiskUsageAsync(CancellationToken cancellationToken);

    /// <summary>Removes stopped containers, unused pods, images, networks and (on request) volumes.</summary>
    /// <exception cref="Contracts.Errors.InvalidInputException">A filter no prune accepts.</exception>
    Task<SystemPruneReport> PruneAsync(SystemPruneOptions options, CancellationToken cancellationToken);
}
