using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Engine.Networks;

public sealed partial class NetworkPlanner
{
    private static readonly string[] MacvlanModes = ["bridge", "private", "vepa", "passthru"];
    private static readonly string[] IpvlanModes = ["l2", "l3", "l3s"];

    private (NetworkDefinition, List<PlannedSubnet>) PlanBridge(
        NetworkDefinition network,
        List<PlannedSubnet> subnets,
        IReadOnlyList<NetworkDefinition> existing,
        ref List<Cidr>? used)
    {
        var (driverOptions, bridge) = MapDockerOptions(network.Options, network.NetworkInterface);
        var checkBridgeConflict = true;
        foreach (var (key, value) in driverOptions.ToList())
        {
            var (normalized, frees) = BridgeOption(key, value);
            driverOptions[key] = normalized;
            if (frees)
            {
                // A vlan or an unmanaged bridge may share a bridge and a subnet already on
                // the host (Podman issues 25736, 2095, 2322).
                used = null;
                checkBridgeConflict = false;
            }
        }

        network = network with { Options = driverOptions, NetworkInterface = ChooseBridge(bridge, existing, checkBridgeConflict) };
        var ipam = new Dictionary<string, string>(network.IpamOptions);
        if (ipam.GetValueOrDefault("driver") is null or "" or "host-local")
        {
            subnets = AddMissingSubnets(subnets, network.Ipv6Enabled, used ?? []);
            ipam["driver"] = "host-local";
        }

        return (network with { IpamOptions = ipam }, subnets);
    }

    // Docker's names for the MTU and the bridge, as Podman accepts them.
    private static (Dictionary<string, string>, string) MapDockerOptions(
        IReadOnlyDictionary<string, string> given,
        string bridge)
    {
        var mapped = new Dictionary<string, string>(given);
        if (mapped.Remove("com.docker.network.driver.mtu", out var mtu))
        {
            mapped["mtu"] = mtu;
        }

        if (mapped.Remove("com.docker.network.bridge.name", out var name))
        {
            bridge = name;
        }

        return (mapped, bridge);
    }

    /// <summary>Validates one bridge option; returns its stored form and whether it frees subnet checks.</summary>
    private static (string Value, bool FreesChecks) BridgeOption(string key, string value) => key switch
    {
        "mtu" => (Mtu(value), false),
        "vlan" => (Vlan(value), true),
        "isolate" => (Isolate(value), false),
        "metric" => (GoParse.Uint32(value), false),
        "no_default_route" => (GoParse.Bool(value), false),
        "vrf" when value.Length == 0 => throw new InvalidInputException("invalid vrf name"),
        "vrf" => (value, false),
        "mode" when value == "managed" => (value, false),
        "mode" when value == "unmanaged" => (value, true),
        "mode" => throw new InvalidInputException($"unknown bridge mode \"{value}\""),
        _ => throw new InvalidInputException($"unsupported bridge network option {key}"),
    };

    private string ChooseBridge(string bridge, IReadOnlyList<NetworkDefinition> existing, bool checkConflict)
    {
        var bridges = existing.Where(n => n.Driver == "bridge").Select(n => n.NetworkInterface).ToList();
        if (bridge.Length == 0)
        {
            return FreeName(options.BridgePrefix, bridges.Concat(host.Names()));
        }

        if (checkConflict && bridges.Contains(bridge))
        {
            throw new InvalidInputException($"bridge name {bridge} already in use");
        }

        return NetworkNames.IsValid(bridge)
            ? bridge
            : throw new InvalidInputException($"bridge name {bridge} invalid: {NetworkNames.InvalidNameReason}");
    }

    private (NetworkDefinition, List<PlannedSubnet>) PlanVlan(NetworkDefinition network, List<PlannedSubnet> subnets)
    {
        var driver = network.Driver;
        var isMacvlan = driver == "macvlan";
        if (network.NetworkInterface.Length > 0 && !host.Names().Contains(network.NetworkInterface))
        {
            throw new InvalidInputException($"parent interface {network.NetworkInterface} does not exist");
        }

        var ipam = new Dictionary<string, string>(network.IpamOptions);
        ipam["driver"] = VlanIpamDriver(ipam.GetValueOrDefault("driver") ?? "", driver, isMacvlan, subnets.Count);

        var driverOptions = new Dictionary<string, string>(network.Options);
        foreach (var (key, value) in network.Options)
        {
            driverOptions[key] = VlanOption(key, value, driver, isMacvlan);
        }

        // netavark has no name server on macvlan or ipvlan (netavark PR 467), so DNS is off.
        return (network with { DnsEnabled = false, IpamOptions = ipam, Options = driverOptions }, subnets);
    }

    private static string VlanIpamDriver(string ipam, string driver, bool isMacvlan, int subnetCount)
    {
        const string noDhcp = "ipam driver dhcp is not supported with ipvlan";
        switch (ipam)
        {
            case "" when subnetCount == 0:
                return isMacvlan ? "dhcp" : throw new InvalidInputException(noDhcp);
            case "":
                return "host-local";
            case "host-local" when subnetCount == 0:
                throw new InvalidInputException(
                    $"{driver} driver needs at least one subnet specified when the host-local ipam driver is set");
            case "dhcp" when !isMacvlan:
                throw new InvalidInputException(noDhcp);
            case "dhcp" when subnetCount > 0:
                throw new InvalidInputException("ipam driver dhcp set but subnets are set");
            default:
                return ipam;
        }
    }

    private static string VlanOption(string key, string value, string driver, bool isMacvlan) => key switch
    {
        "mode" when (isMacvlan ? MacvlanModes : IpvlanModes).Contains(value) => value,
        "mode" => throw new InvalidInputException($"unknown {driver} mode \"{value}\""),
        "metric" => GoParse.Uint32(value),
        "mtu" => Mtu(value),
        "no_default_route" => GoParse.Bool(value),
        "bclim" when isMacvlan => GoParse.Int32(value, key),
        _ => throw new InvalidInputException($"unsupported {driver} network option {key}"),
    };

    private static string Mtu(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var mtu = GoParse.Atoi(value);
        return mtu >= 0 ? value : throw new InvalidInputException($"mtu {mtu} is less than zero");
    }

    private static string Vlan(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var vlan = GoParse.Atoi(value);
        return vlan is >= 0 and <= 4094
            ? value
            : throw new InvalidInputException($"vlan ID {vlan} must be between 0 and 4094");
    }

    // Rust (netavark) reads only "true", "false" and "strict".
    private static string Isolate(string value) => value switch
    {
        "" => "false",
        "strict" => value,
        _ => GoParse.TryBool(value, out var flag)
            ? (flag ? "true" : "false")
            : throw new InvalidInputException(
                $"failed to parse isolate option: strconv.ParseBool: parsing \"{value}\": invalid syntax"),
    };
}
