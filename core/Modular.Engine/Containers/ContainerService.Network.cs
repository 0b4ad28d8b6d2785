using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Containers.Networking;
using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    private NetworkNamespaces Namespaces => new(_options.RunRoot);

    /// <summary>
    /// Makes the container's network before the runtime creates it: in bridge mode a new
    /// namespace wired to its networks with its ports published; in container: mode the
    /// other container's namespace; with ns: the given path.
    /// </summary>
    private async Task<NetworkRuntime> SetUpNetworkLockedAsync(
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        var mode = config.NetworkMode;
        if (mode.StartsWith(NetworkSelection.ContainerPrefix, StringComparison.Ordinal))
        {
            return await JoinContainerAsync(mode[NetworkSelection.ContainerPrefix.Length..], cancellationToken);
        }

        if (mode.StartsWith(NetworkSelection.PathPrefix, StringComparison.Ordinal))
        {
            var path = mode[NetworkSelection.PathPrefix.Length..];
            return File.Exists(path) ? new NetworkRuntime(null, path, null)
                : throw new InvalidInputException($"network namespace {path} does not exist");
        }

        return mode == NetworkSelection.Bridge
            ? await AttachBridgeAsync(config, cancellationToken)
            : NetworkRuntime.None;
    }

    private async Task<NetworkRuntime> AttachBridgeAsync(
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        var networks = _networks ?? throw new CapabilityMissingException(
            "no network service is configured: use --network none or host");
        if (config.PortMappings.Count > 0)
        {
            PortReservations.EnsureFree(config.PortMappings, await PortsHeldByOthersAsync(config.Id, cancellationToken));
        }

        var path = await Namespaces.CreateAsync(cancellationToken);
        try
        {
            var result = await networks.AttachAsync(
                config.Id,
                config.Name,
                path,
                config.Networks,
                config.PortMappings,
                cancellationToken);
            return new NetworkRuntime(path, path, result.Networks);
        }
        catch
        {
            NetworkNamespaces.Remove(path);
            throw;
        }
    }

    // Another container's namespace is reached through its main process, which must run.
    private async Task<NetworkRuntime> JoinContainerAsync(
        string otherId,
        CancellationToken cancellationToken)
    {
        var other = await _store.FindAsync(otherId, cancellationToken);
        if (other is null || other.State.Status != ContainerStatus.Running || other.State.Pid <= 0)
        {
            throw new WrongStateException(
                $"cannot join the network namespace of container {other?.Config.Name ?? otherId}: "
                + "it is not running: container state improper");
        }

        return new NetworkRuntime(null, $"/proc/{other.State.Pid}/ns/net", other.State.Networks);
    }

    private async Task<IEnumerable<PortMapping>> PortsHeldByOthersAsync(
        string id,
        CancellationToken cancellationToken) =>
        (await _store.ListAsync(cancellationToken))
            .Where(record => record.Config.Id != id && IsLive(record) && !IsGone(record))
            .SelectMany(record => record.Config.PortMappings);

    /// <summary>
    /// Undoes <see cref="SetUpNetworkLockedAsync"/>: detaches from the networks (freeing
    /// leases and firewall rules) and removes the namespace. Errors are logged, not thrown:
    /// it runs in cleanup paths that must finish, and a detach is idempotent so the next
    /// cleanup may try again.
    /// </summary>
    private async Task<ContainerRuntimeState> TearDownNetworkAsync(
        ContainerConfig config,
        ContainerRuntimeState state,
        CancellationToken cancellationToken)
    {
        if (state.NetworkNamespacePath is null && state.Networks is null)
        {
            return state;
        }

        try
        {
            if (_networks is not null && config.NetworkMode == NetworkSelection.Bridge)
            {
                await _networks.DetachAsync(
                    config.Id,
                    config.Name,
                    state.NetworkNamespacePath ?? "",
                    config.Networks,
                    config.PortMappings,
                    cancellationToken);
            }

            NetworkNamespaces.Remove(state.NetworkNamespacePath);
            return state with { NetworkNamespacePath = null, Networks = null };
        }
        catch (Exception ex) when (ex is ModularException or IOException)
        {
            NetworkingLog.TeardownFailed(_logger, config.Name, ex.Message);
            return state;
        }
    }

    // A container that is not live but still holds a namespace or leases: left by a crash
    // or a reboot; the next cleanup or ps tears it down.
    private static bool HasNetworkLeftover(ContainerRecord record) =>
        !IsLive(record) && (record.State.NetworkNamespacePath is not null || record.State.Networks is not null);

    /// <summary>Removes namespace files no container records (a start that crashed midway).</summary>
    private void RemoveNamespaceLeftovers(IEnumerable<ContainerRecord> records)
    {
        var inUse = records.Select(record => record.State.NetworkNamespacePath)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        try
        {
            Namespaces.RemoveLeftovers(inUse);
        }
        catch (Exception ex) when (ex is ModularException or IOException)
        {
            NetworkingLog.TeardownFailed(_logger, "(unrecorded)", ex.Message);
        }
    }

    /// <summary>Writes /etc/hosts and /etc/resolv.conf for the container's network mode.</summary>
    private async Task WriteNetworkFilesAsync(
        ContainerConfig config,
        ContainerFiles files,
        NetworkRuntime network,
        CancellationToken cancellationToken)
    {
        if (config.NetworkMode.StartsWith(NetworkSelection.ContainerPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var hostIp = await BridgeGatewayAsync(network, cancellationToken) ?? HostAddress.Find();
        var hostHosts = await ReadHostFileAsync("/etc/hosts", cancellationToken);
        var hostResolv = await ReadHostFileAsync("/etc/resolv.conf", cancellationToken);
        await File.WriteAllTextAsync(
            files.HostsPath,
            EtcFiles.Hosts(config, network.Networks, hostIp, hostHosts),
            cancellationToken);
        await File.WriteAllTextAsync(
            files.ResolvConfPath,
            EtcFiles.ResolvConf(config, network.Networks, hostResolv),
            cancellationToken);
    }

    /// <summary>
    /// host.containers.internal (and --add-host host-gateway) for root on a bridge: the
    /// bridge's IPv4 gateway, an address of the host the container can always reach, as
    /// Podman 5 chooses it. macvlan and ipvlan gateways are not on the host, so they are
    /// skipped; without a bridge the host's own address is used.
    /// </summary>
    private async Task<string?> BridgeGatewayAsync(
        NetworkRuntime network,
        CancellationToken cancellationToken)
    {
        if (_networks is null || network.Networks is null)
        {
            return null;
        }

        foreach (var (name, status) in network.Networks)
        {
            var definition = await _networks.ResolveAsync(name, cancellationToken);
            var gateway = definition.Driver != "bridge" ? null : status.Interfaces
                .SelectMany(i => i.Addresses)
                .Select(a => a.Gateway)
                .FirstOrDefault(g => g is not null && !g.Contains(':'));
            if (gateway is not null)
            {
                return gateway;
            }
        }

        return null;
    }

    private static async Task<string> ReadHostFileAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";

    /// <summary>In container: mode, the other container's files, which the joiner shares.</summary>
    private ContainerFiles? SharedFilesFor(ContainerConfig config) =>
        config.NetworkMode.StartsWith(NetworkSelection.ContainerPrefix, StringComparison.Ordinal)
            ? new ContainerFiles(PathsFor(config.NetworkMode[NetworkSelection.ContainerPrefix.Length..]).Bundle)
            : null;

    /// <summary><c>--network container:NAME</c> is recorded by id, so a rename cannot redirect it.</summary>
    private async Task<CreateContainerRequest> ResolveNetworkContainerAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        var values = request.Networks.Count > 0 ? request.Networks
            : request.Network is { Length: > 0 } single ? [single] : [];
        var resolved = new List<string>();
        foreach (var value in values)
        {
            if (!value.StartsWith(NetworkSelection.ContainerPrefix, StringComparison.Ordinal))
            {
                resolved.Add(value);
                continue;
            }

            var target = value[NetworkSelection.ContainerPrefix.Length..];
            var other = await _store.FindAsync(target, cancellationToken) ?? throw NoSuchContainer(target);
            resolved.Add(NetworkSelection.ContainerPrefix + other.Config.Id);
        }

        return request with { Networks = resolved, Network = null };
    }

    // A missing network fails create with the service's "network not found" (exit 125).
    // A network given by id or id prefix is recorded by its name, as Podman does: inspect,
    // connect and disconnect look networks up by name.
    private async Task<ContainerConfig> RefuseMissingNetworksAsync(
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        if (_networks is null)
        {
            return config;
        }

        var named = new Dictionary<string, ContainerNetworkOptions>(StringComparer.Ordinal);
        foreach (var (key, options) in config.Networks)
        {
            var name = (await _networks.ResolveAsync(key, cancellationToken)).Name;
            if (!named.TryAdd(name, options))
            {
                throw new InvalidInputException($"network {name} is given twice: invalid argument");
            }
        }

        return config with { Networks = named };
    }
}
