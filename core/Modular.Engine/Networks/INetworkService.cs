using System.Text.Json.Nodes;
using Modular.Contracts.Network;
using Modular.Engine.State;

namespace Modular.Engine.Networks;

/// <summary>
/// Networks and container attachments. Definitions live in the backend's files (loaded
/// through the network plugin chosen by <c>network_backend</c>, on first use); the default
/// network is synthesized unless a file of its name exists. Create, remove, attach and
/// detach hold the network lock (a file lock under runroot) so concurrent modpod processes
/// never hand out one address twice. Networks are found by full name, full id or unique
/// id prefix.
/// </summary>
public interface INetworkService
{
    /// <summary>The configured default network's name (<c>default_network</c>, podman).</summary>
    string DefaultNetworkName { get; }

    /// <summary>Validates, completes and writes a new network.</summary>
    /// <exception cref="Contracts.Errors.AlreadyExistsException">
    /// The name is taken (<c>network name X already used: network already exists</c>),
    /// unless <see cref="NetworkCreateRequest.IgnoreExisting"/>.
    /// </exception>
    /// <exception cref="Contracts.Errors.InvalidInputException">
    /// Invalid name, subnet, gateway, range, driver or option; a subnet overlapping another
    /// network's; no free subnet left in the pools.
    /// </exception>
    Task<NetworkDefinition> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Every network, the default one included, sorted by name.</summary>
    Task<IReadOnlyList<NetworkDefinition>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The networks matching every filter (<c>key=value</c>, Podman's keys: name, id, driver,
    /// label, label!, dangling, until); several values of one key match any of them.
    /// </summary>
    /// <exception cref="Contracts.Errors.InvalidInputException">An unknown key or bad value.</exception>
    Task<IReadOnlyList<NetworkDefinition>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken);

    /// <summary>Finds one network by full name, full id or unique id prefix.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">
    /// <c>unable to find network with name or ID X: network not found</c>.
    /// </exception>
    Task<NetworkDefinition> ResolveAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Whether <see cref="ResolveAsync"/> would find the network.</summary>
    Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// Podman 5's <c>network inspect</c> object: name, id, driver, network_interface,
    /// created, subnets, ipv6_enabled, internal, dns_enabled, labels, options,
    /// ipam_options and <c>containers</c> (id to {name, interfaces{ethN:{subnets
    /// [{ipnet, gateway}], mac_address}}} for the containers attached now).
    /// </summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such network.</exception>
    Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a network no container uses. Forced removal is the caller's business: it
    /// removes the containers (see <see cref="INetworkContainers"/>) and then calls this.
    /// </summary>
    /// <returns>The removed definition (the CLI prints its name).</returns>
    /// <exception cref="Contracts.Errors.NotFoundException">No such network (exit 1).</exception>
    /// <exception cref="Contracts.Errors.WrongStateException">
    /// A container uses it (exit 2), or it is the default network
    /// (<c>default network podman cannot be removed</c>).
    /// </exception>
    Task<NetworkDefinition> RemoveAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every network no container uses that matches the filters (label, label!,
    /// until); never the default network.
    /// </summary>
    /// <returns>The names removed.</returns>
    Task<IReadOnlyList<string>> PruneAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of the containers (any state) whose configuration names the network, from the
    /// container database.
    /// </summary>
    Task<IReadOnlyList<string>> ContainersUsingAsync(
        NetworkDefinition network,
        CancellationToken cancellationToken);

    /// <summary>
    /// Wires the namespace at <paramref name="namespacePath"/> to the networks (keyed by
    /// network name or id, as in <see cref="ContainerConfig.Networks"/>) and publishes the
    /// ports. Under the network lock it resolves the definitions, allocates addresses when
    /// the backend does not (static ones are checked to be in a subnet and free), records
    /// them, and calls the backend; on any failure it tears down and frees what it took.
    /// The result is also recorded, for <see cref="StatusAsync"/> and inspect.
    /// </summary>
    /// <exception cref="Contracts.Errors.NotFoundException">A network does not exist.</exception>
    /// <exception cref="Contracts.Errors.InvalidInputException">
    /// A static address outside the network's subnets, or already leased.
    /// </exception>
    /// <exception cref="Contracts.Errors.WrongStateException">A subnet has no free address.</exception>
    /// <exception cref="Contracts.Errors.BackendException">The backend failed.</exception>
    Task<NetworkSetupResult> AttachAsync(
        string containerId,
        string containerName,
        string namespacePath,
        IReadOnlyDictionary<string, ContainerNetworkOptions> networks,
        IReadOnlyList<PortMapping> ports,
        CancellationToken cancellationToken);

    /// <summary>
    /// Undoes <see cref="AttachAsync"/> for the given networks: backend teardown (using the
    /// recorded addresses), then frees the leases and the recorded status. Idempotent: a
    /// network already detached, removed, or a namespace already gone is not an error, so
    /// cleanup after a crash may call it again.
    /// </summary>
    Task DetachAsync(
        string containerId,
        string containerName,
        string namespacePath,
        IReadOnlyDictionary<string, ContainerNetworkOptions> networks,
        IReadOnlyList<PortMapping> ports,
        CancellationToken cancellationToken);

    /// <summary>
    /// What the container got on each network at its last attach (per network name), or an
    /// empty map when it is not attached; for container inspect, ps and /etc/hosts.
    /// </summary>
    Task<IReadOnlyDictionary<string, NetworkStatus>> StatusAsync(
        string containerId,
        CancellationToken cancellationToken);
}
