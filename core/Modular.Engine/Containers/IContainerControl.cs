namespace Modular.Engine.Containers;

/// <summary>
/// The day-two verbs on existing containers: pause, restart, rename, init, mount, top,
/// prune. Kept apart from <see cref="IContainerService"/> so that contract stays as the
/// other front ends know it; the same <see cref="ContainerService"/> implements both.
/// Missing containers throw <see cref="Contracts.Errors.NotFoundException"/> with
/// Podman's text; a container in the wrong state throws
/// <see cref="Contracts.Errors.WrongStateException"/>.
/// </summary>
public interface IContainerControl
{
    /// <summary>Freezes a running container through the runtime's <c>pause</c>.</summary>
    Task<ContainerInfo> PauseAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Thaws a paused container through the runtime's <c>resume</c>.</summary>
    Task<ContainerInfo> UnpauseAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// Stops a running container (stop signal, <paramref name="timeoutSeconds"/>, SIGKILL)
    /// and starts it again; starts one that is not running. A paused one is refused.
    /// </summary>
    Task<ContainerInfo> RestartAsync(string nameOrId, int? timeoutSeconds, CancellationToken cancellationToken);

    /// <summary>Gives the container a new name, in any state; the old one is free at once.</summary>
    Task<ContainerInfo> RenameAsync(string nameOrId, string newName, CancellationToken cancellationToken);

    /// <summary>
    /// Prepares a created or exited container (rootfs, bundle, network, <c>runtime create</c>)
    /// without starting it. False when it was initialized already (nothing done).
    /// </summary>
    Task<bool> InitAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Mounts the container's root filesystem for the user; returns the path.</summary>
    Task<ContainerMountInfo> MountAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// Drops the user's mount (all of them with <paramref name="force"/>). Null when the
    /// container runs, whose rootfs stays mounted as Podman leaves it.
    /// </summary>
    Task<ContainerMountInfo?> UnmountAsync(string nameOrId, bool force, CancellationToken cancellationToken);

    /// <summary>Every container whose root filesystem is mounted now (running or by the user).</summary>
    Task<IReadOnlyList<ContainerMountInfo>> ListMountedAsync(CancellationToken cancellationToken);

    /// <summary>The processes of a running container, as Podman's <c>top</c> table rows.</summary>
    Task<ContainerProcessTable> TopAsync(
        string nameOrId,
        IReadOnlyList<string> descriptors,
        CancellationToken cancellationToken);
}
