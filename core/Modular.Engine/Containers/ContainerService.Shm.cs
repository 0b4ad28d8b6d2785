using Modular.Contracts.Errors;
using Modular.Engine.Security;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Where a container's /dev/shm tmpfs is mounted on the host, as Podman's ShmDir.</summary>
    private string ShmDirectory(string id) => Path.Combine(PathsFor(id).StaticDirectory, "shm");

    /// <summary>
    /// The host directory bound at /dev/shm, mounting the container's own tmpfs when its IPC
    /// namespace is private or shareable. A container joining another's IPC (--ipc
    /// container:X, or a pod member sharing the infra's) binds that container's directory;
    /// null leaves /dev/shm to <see cref="SecuritySpec"/> (host, none, ns:PATH).
    /// </summary>
    private async Task<string?> PrepareShmAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        var owner = await ShmOwnerAsync(config, cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var directory = ShmDirectory(owner);
        if (owner == config.Id)
        {
            ShmMount.Mount(directory, config.Security.ShmSize);
        }

        return directory;
    }

    // Whose shm a container uses; the joined container's own owner, so joining a container
    // that itself joined another (or uses none) ends at the tmpfs really holding the files.
    private async Task<string?> ShmOwnerAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        var mode = NamespaceMode.Parse(config.Security.Ipc, "ipc");
        var joined = config.JoinedNamespaces.TryGetValue("ipc", out var infra) ? infra
            : mode.IsContainer ? mode.Value
            : null;
        if (joined is null)
        {
            return mode.Kind is "private" or "shareable" ? config.Id : null;
        }

        var other = await _store.FindAsync(joined, cancellationToken);
        return other is null || other.Config.Id == config.Id
            ? null
            : await ShmOwnerAsync(other.Config, cancellationToken);
    }

    /// <summary>
    /// Podman lets a container join only a shareable IPC namespace: --ipc private keeps the
    /// donor's IPC and /dev/shm to itself. <paramref name="ipc"/> is already resolved to an id.
    /// </summary>
    private async Task RefuseNonShareableIpcAsync(string? ipc, CancellationToken cancellationToken)
    {
        if (ipc is null || !ipc.StartsWith(NamespaceMode.ContainerPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var donor = await _store.FindAsync(ipc[NamespaceMode.ContainerPrefix.Length..], cancellationToken);
        if (donor?.Config.Security.Ipc == "private")
        {
            throw new InvalidInputException(
                $"joining IPC of container {donor.Config.Id} is not allowed: non-shareable IPC "
                + "(hint: use IpcMode:shareable for the donor container)");
        }
    }

    /// <summary>Detaches the container's own shm tmpfs; nothing to do when it has none.</summary>
    private void ReleaseShm(ContainerConfig config) => ShmMount.Unmount(ShmDirectory(config.Id));
}
