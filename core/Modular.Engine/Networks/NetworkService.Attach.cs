using System.Net;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Locking;
using Modular.Engine.State;

namespace Modular.Engine.Networks;

public sealed partial class NetworkService
{
    // Cleanup after a failed setup must finish even when the caller was cancelled.
    private static readonly TimeSpan UndoTimeout = TimeSpan.FromSeconds(30);

    public async Task<NetworkSetupResult> AttachAsync(
        string containerId,
        string containerName,
        string namespacePath,
        IReadOnlyDictionary<string, ContainerNetworkOptions> networks,
        IReadOnlyList<PortMapping> ports,
        CancellationToken cancellationToken)
    {
        if (networks.Count == 0)
        {
            return new NetworkSetupResult(new Dictionary<string, NetworkStatus>());
        }

        using var held = await FileLock.AcquireAsync(LockPath, cancellationToken);
        var all = await LoadAsync(cancellationToken);
        var chosen = networks.Select(p => (Network: Find(all, p.Key), Options: p.Value)).ToList();
        var backend = await _backends.GetAsync(cancellationToken);

        var attachments = new List<NetworkAttachment>();
        var request = new NetworkSetupRequest(containerId, containerName, namespacePath, attachments, ports);
        try
        {
            foreach (var (network, options) in chosen)
            {
                var ips = await AddressesForAsync(containerId, network, options, backend.AllocatesAddresses, cancellationToken);
                attachments.Add(new NetworkAttachment(network, options.InterfaceName, ips, options.StaticMac, options.Aliases));
            }

            var result = await backend.SetupAsync(request, cancellationToken);
            await SaveStatusesAsync(containerId, containerName, result, cancellationToken);
            return result;
        }
        catch (Exception e)
        {
            await UndoAsync(backend, request, chosen.Select(c => c.Network.Name), e);
            throw;
        }
    }

    public async Task DetachAsync(
        string containerId,
        string containerName,
        string namespacePath,
        IReadOnlyDictionary<string, ContainerNetworkOptions> networks,
        IReadOnlyList<PortMapping> ports,
        CancellationToken cancellationToken)
    {
        if (networks.Count == 0)
        {
            return;
        }

        using var held = await FileLock.AcquireAsync(LockPath, cancellationToken);
        var all = await LoadAsync(cancellationToken);
        var leases = await _leases.LeasesOfAsync(containerId, cancellationToken);
        var attachments = new List<NetworkAttachment>();
        var names = new List<string>();
        foreach (var (key, options) in networks)
        {
            // A network removed since (rm -f) has no definition left; its leases still go.
            var network = all.FirstOrDefault(n => n.Name == key || n.Id == key);
            names.Add(network?.Name ?? key);
            if (network is not null)
            {
                var ips = leases.Where(l => l.Network == network.Name).Select(l => l.Address).ToList();
                attachments.Add(new NetworkAttachment(network, options.InterfaceName, ips, options.StaticMac, options.Aliases));
            }
        }

        try
        {
            if (attachments.Count > 0)
            {
                var backend = await _backends.GetAsync(cancellationToken);
                var request = new NetworkSetupRequest(containerId, containerName, namespacePath, attachments, ports);
                await backend.TeardownAsync(request, cancellationToken);
            }
        }
        finally
        {
            // Freed even when teardown failed: the container's namespace is going away, and a
            // lease kept for it would never be freed by anyone.
            await FreeAsync(containerId, names, CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<string>> AddressesForAsync(
        string containerId,
        NetworkDefinition network,
        ContainerNetworkOptions options,
        bool backendAllocates,
        CancellationToken cancellationToken)
    {
        // A container is attached once per network: leases it still holds there are stale.
        await _leases.ReleaseAsync(containerId, network.Name, cancellationToken);

        var subnets = network.Subnets.Select(PlannedSubnet.From).OfType<PlannedSubnet>().ToList();
        var statics = ParseStatics(network, options.StaticIps, subnets);
        if (backendAllocates || !RequiresAllocation(network, subnets))
        {
            return [.. statics.Select(s => s.ToString())];
        }

        var leased = new List<string>();
        foreach (var subnet in subnets)
        {
            var address = await LeaseAsync(containerId, network, subnet, statics, cancellationToken);
            leased.Add(address);
        }

        return leased;
    }

    // Podman's requiresIPAMAlloc: host-local with at least one subnet.
    private static bool RequiresAllocation(NetworkDefinition network, IReadOnlyList<PlannedSubnet> subnets) =>
        subnets.Count > 0 && network.IpamOptions.GetValueOrDefault("driver") is not ("none" or "dhcp");

    private static List<IPAddress> ParseStatics(
        NetworkDefinition network,
        IReadOnlyList<string> texts,
        IReadOnlyList<PlannedSubnet> subnets)
    {
        var statics = new List<IPAddress>();
        foreach (var text in texts)
        {
            if (!IpMath.TryParse(text, out var address))
            {
                throw new InvalidInputException($"invalid IP address {text} for network {network.Name}");
            }

            if (network.IpamOptions.GetValueOrDefault("driver") == "host-local"
                && !subnets.Any(s => s.Subnet.Contains(address)))
            {
                throw new InvalidInputException(
                    $"requested static ip {address} not in any subnet on network {network.Name}");
            }

            statics.Add(address);
        }

        return statics;
    }

    private async Task<string> LeaseAsync(
        string containerId,
        NetworkDefinition network,
        PlannedSubnet subnet,
        IReadOnlyList<IPAddress> statics,
        CancellationToken cancellationToken)
    {
        var subnetText = subnet.Subnet.ToString();
        var taken = (await _leases.LeasesAsync(network.Name, cancellationToken))
            .Where(l => l.Subnet == subnetText)
            .ToList();
        var requested = statics.FirstOrDefault(subnet.Subnet.Contains);
        IPAddress address;
        if (requested is not null)
        {
            var holder = taken.FirstOrDefault(l => IPAddress.Parse(l.Address).Equals(requested));
            address = holder is null
                ? requested
                : throw new InvalidInputException(
                    $"IPAM error: requested ip address {requested} is already allocated to container ID {holder.ContainerId}");
        }
        else
        {
            var last = await _leases.LastLeasedAsync(network.Name, subnetText, cancellationToken);
            var used = taken.Select(l => IpMath.ToNumber(IPAddress.Parse(l.Address))).ToHashSet();
            address = AddressAllocator.Pick(subnet, used, last is null ? null : IPAddress.Parse(last));
        }

        var lease = new Lease(network.Name, subnetText, address.ToString(), containerId);
        await _leases.TakeAsync(lease, remember: requested is null, cancellationToken);
        Log.Leased(_logger, lease.Address, network.Name, containerId);
        return lease.Address;
    }

    private async Task SaveStatusesAsync(
        string containerId,
        string containerName,
        NetworkSetupResult result,
        CancellationToken cancellationToken)
    {
        foreach (var (name, status) in result.Networks)
        {
            await _leases.SaveStatusAsync(new AttachedContainer(containerId, containerName, name, status), cancellationToken);
        }
    }

    private async Task UndoAsync(
        Contracts.Network.INetworkBackend backend,
        NetworkSetupRequest request,
        IEnumerable<string> networks,
        Exception cause)
    {
        using var timeout = new CancellationTokenSource(UndoTimeout);
        try
        {
            if (cause is not (InvalidInputException or WrongStateException or NotFoundException))
            {
                // The backend may have wired part of it before failing.
                await backend.TeardownAsync(request, timeout.Token);
            }
        }
        catch (Exception e)
        {
            Log.UndoFailed(_logger, request.ContainerId, e.Message);
        }
        finally
        {
            await FreeAsync(request.ContainerId, networks, timeout.Token);
        }
    }

    private async Task FreeAsync(string containerId, IEnumerable<string> networks, CancellationToken cancellationToken)
    {
        foreach (var network in networks)
        {
            await _leases.ReleaseAsync(containerId, network, cancellationToken);
            await _leases.DeleteStatusAsync(containerId, network, cancellationToken);
            Log.Freed(_logger, containerId, network);
        }
    }
}
