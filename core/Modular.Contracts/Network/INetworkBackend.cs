namespace Modular.Contracts.Network;

/// <summary>
/// Connects a container's network namespace to networks. The engine creates the namespace
/// (in a child process), allocates addresses under the network lock, and calls the backend
/// to wire them. No implementation ships with the walking skeleton; the networking issue
/// adds netavark and CNI. Shape may change before the contracts freeze.
/// </summary>
public interface INetworkBackend
{
    /// <summary>The short id, as in containers.conf <c>network_backend</c>.</summary>
    string Id { get; }

    /// <summary>Attaches the namespace at <paramref name="request"/>'s path to its networks.</summary>
    Task<NetworkSetupResult> SetupAsync(NetworkSetupRequest request, CancellationToken cancellationToken);

    /// <summary>Detaches it again; already-detached is fine.</summary>
    Task TeardownAsync(NetworkSetupRequest request, CancellationToken cancellationToken);
}

/// <summary>What to wire: the container, its namespace path and the networks by name.</summary>
public sealed record NetworkSetupRequest(
    string ContainerId,
    string ContainerName,
    string NamespacePath,
    IReadOnlyList<string> Networks,
    IReadOnlyDictionary<string, string> Options);

/// <summary>Per network, the interface and addresses given to the container.</summary>
public sealed record NetworkSetupResult(IReadOnlyDictionary<string, IReadOnlyList<string>> Addresses);
