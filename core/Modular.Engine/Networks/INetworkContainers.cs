namespace Modular.Engine.Networks;

/// <summary>
/// The container side of the network commands: what needs containers stopped, started or
/// rewired. Implemented by the container integration (h-net-containers); until it is
/// registered, <see cref="UnwiredNetworkContainers"/> refuses each operation plainly.
/// </summary>
public interface INetworkContainers
{
    /// <summary>
    /// <c>network rm -f</c>: stops (after <paramref name="timeoutSeconds"/>, or each
    /// container's stop timeout when null) and removes every container using the network;
    /// the caller then removes the network.
    /// </summary>
    /// <returns>The ids removed.</returns>
    Task<IReadOnlyList<string>> RemoveContainersUsingAsync(
        string networkName,
        int? timeoutSeconds,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>network connect</c>: adds the network to the container's configuration and, when
    /// it runs, attaches it now.
    /// </summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such container or network.</exception>
    Task ConnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        NetworkConnectRequest request,
        CancellationToken cancellationToken);

    /// <summary><c>network disconnect</c>: the reverse of <see cref="ConnectAsync"/>.</summary>
    Task DisconnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        bool force,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>network reload</c>: re-applies the firewall rules of running containers (all of
    /// them when <paramref name="all"/>).
    /// </summary>
    /// <returns>The ids reloaded.</returns>
    Task<IReadOnlyList<string>> ReloadAsync(
        IReadOnlyList<string> containerNamesOrIds,
        bool all,
        CancellationToken cancellationToken);
}
