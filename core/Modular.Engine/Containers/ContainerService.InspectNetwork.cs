using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Containers.Networking;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Podman's <c>NetworkSettings</c>: per network the address, gateway, MAC and aliases the
    /// container has now (empty while stopped), published ports, and, for a container on the
    /// default network alone, the same address at the top level as Docker clients expect.
    /// </summary>
    private async Task<JsonObject> InspectNetworkAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        var statuses = record.State.Networks ?? new Dictionary<string, NetworkStatus>();
        var networks = new JsonObject();
        foreach (var (name, options) in record.Config.Networks)
        {
            statuses.TryGetValue(name, out var status);
            networks[name] = await EndpointAsync(record.Config, name, options, status, cancellationToken);
        }

        var settings = Endpoint(null);
        if (record.Config.Networks.Count == 1 && networks.Single().Key == _networks?.DefaultNetworkName)
        {
            settings = Endpoint(statuses.Values.FirstOrDefault());
        }

        settings["Bridge"] = "";
        settings["SandboxID"] = "";
        settings["HairpinMode"] = false;
        settings["LinkLocalIPv6Address"] = "";
        settings["LinkLocalIPv6PrefixLen"] = 0;
        settings["Ports"] = PortBindingsJson(record.Config.PortMappings, record.Config.ExposedPorts);
        settings["SandboxKey"] = record.State.NetworkNamespacePath ?? "";
        settings["Networks"] = networks;

        return settings;
    }

    private async Task<JsonObject> EndpointAsync(
        ContainerConfig config,
        string name,
        ContainerNetworkOptions options,
        NetworkStatus? status,
        CancellationToken cancellationToken)
    {
        var endpoint = Endpoint(status);
        endpoint["NetworkID"] = await NetworkIdAsync(name, cancellationToken);
        endpoint["DriverOpts"] = null;
        endpoint["IPAMConfig"] = null;
        endpoint["Links"] = null;
        endpoint["Aliases"] = Strings(options.Aliases.Prepend(config.Id[..12]));
        return endpoint;
    }

    private async Task<string> NetworkIdAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return _networks is null ? name : (await _networks.ResolveAsync(name, cancellationToken)).Id;
        }
        catch (NotFoundException)
        {
            return name;
        }
    }

    // The first IPv4 and IPv6 address of the status's interface, with their gateways.
    private static JsonObject Endpoint(NetworkStatus? status)
    {
        var nic = status?.Interfaces.FirstOrDefault();
        var addresses = nic?.Addresses ?? [];
        var v4 = addresses.FirstOrDefault(a => !a.Cidr.Contains(':'));
        var v6 = addresses.FirstOrDefault(a => a.Cidr.Contains(':'));
        var (ip, prefix) = v4 is null ? ("", 0) : HostAddress.SplitCidr(v4.Cidr);
        var (ip6, prefix6) = v6 is null ? ("", 0) : HostAddress.SplitCidr(v6.Cidr);
        return new JsonObject
        {
            ["EndpointID"] = "",
            ["Gateway"] = v4?.Gateway ?? "",
            ["IPAddress"] = ip,
            ["IPPrefixLen"] = prefix,
            ["IPv6Gateway"] = v6?.Gateway ?? "",
            ["GlobalIPv6Address"] = ip6,
            ["GlobalIPv6PrefixLen"] = prefix6,
            ["MacAddress"] = nic?.MacAddress ?? "",
        };
    }
}
