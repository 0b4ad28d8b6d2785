namespace Modular.Contracts.Network;

/// <summary>
/// Wires container network namespaces to networks and keeps network definitions in the
/// backend's own file format (netavark JSON, CNI conflists). The engine creates and
/// removes the namespace (in a child process), validates and completes definitions
/// (ids, bridge names, subnets), and allocates addresses under the network lock when
/// <see cref="AllocatesAddresses"/> is false; the backend only writes files and runs its
/// programs. The default network is never written: the engine synthesizes it.
/// </summary>
public interface INetworkBackend
{
    /// <summary>The short id, as in containers.conf <c>network_backend</c>.</summary>
    string Id { get; }

    /// <summary>
    /// True when the backend's own IPAM picks addresses (CNI host-local); false when the
    /// engine must put them in <see cref="NetworkAttachment.StaticIps"/> (netavark).
    /// </summary>
    bool AllocatesAddresses { get; }

    /// <summary>Called once before any other member, with the configured directories.</summary>
    Task InitializeAsync(NetworkBackendOptions options, CancellationToken cancellationToken);

    /// <summary>The networks written in the configuration directory; unreadable files are skipped.</summary>
    Task<IReadOnlyList<NetworkDefinition>> LoadNetworksAsync(CancellationToken cancellationToken);

    /// <summary>Writes a complete, validated definition; the engine holds the network lock.</summary>
    Task WriteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken);

    /// <summary>Removes the definition's file and any host state it left; missing is fine.</summary>
    Task DeleteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken);

    /// <summary>Attaches the namespace to every network in the request and sets up port forwarding.</summary>
    /// <exception cref="Errors.BackendException">The backend program failed; its message is kept.</exception>
    Task<NetworkSetupResult> SetupAsync(NetworkSetupRequest request, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="SetupAsync"/>; already-detached is not an error.</summary>
    Task TeardownAsync(NetworkSetupRequest request, CancellationToken cancellationToken);
}
