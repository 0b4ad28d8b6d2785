using System.Net;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Configuration;

namespace Modular.Engine.Networks;

/// <summary>
/// Turns a <c>network create</c> request into a complete definition, with Podman's checks
/// in Podman's order and its error wording (common/libnetwork): name, interface, IPAM
/// driver, driver options, bridge name, free subnet from the pools, gateways and ranges.
/// </summary>
public sealed partial class NetworkPlanner(NetworkOptions options, IHostInterfaces host)
{
    /// <summary>Podman names unnamed networks podman1, podman2 ...; 0 is the default one's.</summary>
    public const string NamePrefix = "podman";

    /// <exception cref="InvalidInputException">Any invalid part of the request.</exception>
    /// <exception cref="AlreadyExistsException">The name is taken.</exception>
    public NetworkDefinition Plan(
        NetworkCreateRequest request,
        IReadOnlyList<NetworkDefinition> existing,
        DateTimeOffset now)
    {
        var subnets = SubnetFlags.Parse(request);
        var network = Draft(request, existing, now);
        network = network with { IpamOptions = ValidIpam(network.IpamOptions, subnets) };

        var used = network.Driver == "bridge" ? UsedSubnets(existing) : null;
        (network, subnets) = network.Driver switch
        {
            "bridge" => PlanBridge(network, subnets, existing, ref used),
            "macvlan" or "ipvlan" => PlanVlan(network, subnets),
            _ => throw new InvalidInputException($"failed to find driver or plugin \"{network.Driver}\""),
        };

        if (network.IpamOptions.GetValueOrDefault("driver") == "none")
        {
            network = network with { DnsEnabled = false };
        }

        var addGateway = !network.Internal || network.DnsEnabled;
        subnets = [.. subnets.Select(s => ValidateSubnet(s, addGateway, used ?? []))];
        return network with
        {
            Subnets = [.. subnets.Select(s => s.ToDefinition())],
            Ipv6Enabled = network.Ipv6Enabled || subnets.Any(s => s.Subnet.IsIPv6),
        };
    }

    /// <summary>The default network as Podman synthesizes it: never written, never validated against the host.</summary>
    public NetworkDefinition DefaultNetwork(DateTimeOffset now)
    {
        var subnet = Cidr.TryParse(options.DefaultSubnet, out var cidr)
            ? cidr
            : throw new InvalidInputException(
                $"failed to create default network {options.DefaultNetwork}: failed to parse default subnet: "
                + $"invalid CIDR address: {options.DefaultSubnet}");
        var planned = ValidateSubnet(new PlannedSubnet(subnet), addGateway: true, []);
        return new NetworkDefinition
        {
            Name = options.DefaultNetwork,
            Id = NetworkIds.Default,
            Driver = "bridge",
            NetworkInterface = options.DefaultBridge,
            Created = now,
            Subnets = [planned.ToDefinition()],
            Ipv6Enabled = subnet.IsIPv6,
            DnsEnabled = false,
            IpamOptions = new Dictionary<string, string> { ["driver"] = "host-local" },
        };
    }

    private NetworkDefinition Draft(
        NetworkCreateRequest request,
        IReadOnlyList<NetworkDefinition> existing,
        DateTimeOffset now)
    {
        var driver = string.IsNullOrEmpty(request.Driver) ? "bridge" : request.Driver;
        var driverOptions = new Dictionary<string, string>(request.Options ?? new Dictionary<string, string>());
        var networkInterface = request.InterfaceName ?? "";
        if (driver is "macvlan" or "ipvlan" && driverOptions.Remove("parent", out var parent))
        {
            networkInterface = parent;
        }

        var name = ChooseName(request.Name, existing);
        if (networkInterface.Length > 0)
        {
            NetworkNames.ValidateInterface(networkInterface);
        }

        return new NetworkDefinition
        {
            Name = name,
            Id = NetworkIds.New(existing.Select(n => n.Id)),
            Driver = driver,
            NetworkInterface = networkInterface,
            Created = now,
            Internal = request.Internal,
            DnsEnabled = !request.DisableDns,
            Ipv6Enabled = request.Ipv6,
            Labels = new Dictionary<string, string>(request.Labels ?? new Dictionary<string, string>()),
            Options = driverOptions,
            IpamOptions = request.IpamDriver is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["driver"] = request.IpamDriver },
        };
    }

    private static string ChooseName(string? requested, IReadOnlyList<NetworkDefinition> existing)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return FreeName(NamePrefix, existing.Select(n => n.Name));
        }

        NetworkNames.Validate(requested);
        if (existing.Any(n => n.Name == requested))
        {
            throw new AlreadyExistsException(
                $"network name {requested} already used: network already exists");
        }

        return requested;
    }

    /// <summary>prefix1, prefix2 ...: the first not in <paramref name="taken"/>.</summary>
    public static string FreeName(string prefix, IEnumerable<string> taken)
    {
        var set = taken.ToHashSet(StringComparer.Ordinal);
        for (var i = 1; ; i++)
        {
            var name = $"{prefix}{i}";
            if (!set.Contains(name))
            {
                return name;
            }
        }
    }

    private static IReadOnlyDictionary<string, string> ValidIpam(
        IReadOnlyDictionary<string, string> ipam,
        IReadOnlyList<PlannedSubnet> subnets)
    {
        switch (ipam.GetValueOrDefault("driver") ?? "")
        {
            case "" or "host-local" or "dhcp":
                return ipam;
            case "none" when subnets.Count > 0:
                throw new InvalidInputException("none ipam driver is set but subnets are given");
            case "none":
                return ipam;
            case var other:
                throw new InvalidInputException($"unsupported ipam driver \"{other}\"");
        }
    }

    private List<Cidr> UsedSubnets(IReadOnlyList<NetworkDefinition> existing)
    {
        var used = existing.SelectMany(n => n.Subnets)
            .Select(PlannedSubnet.From)
            .OfType<PlannedSubnet>()
            .Select(s => s.Subnet)
            .ToList();
        used.AddRange(host.Subnets());
        return used;
    }
}
