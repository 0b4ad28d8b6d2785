using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// A network as the conflist Podman 4 writes for it: bridge (host-local IPAM), portmap,
/// firewall, tuning and, with DNS, dnsname; macvlan and ipvlan as a single plugin. Labels
/// and options travel in the conflist's <c>args</c> (<c>podman_labels</c>,
/// <c>podman_options</c>), as Podman keeps them. Run-time paths (host-local's dataDir)
/// are not stored: they are added when the chain runs, so the file stays Podman's.
/// </summary>
internal static class CniConfList
{
    public const string Version = "1.0.0";
    public const string DomainName = "dns.podman";

    // Podman derives a CNI network's id from its name; a different id is kept here.
    private const string IdArgument = "modular_id";

    public static JsonObject ToJson(NetworkDefinition network, string firewallBackend)
    {
        var args = new JsonObject();
        if (network.Labels.Count > 0)
        {
            args["podman_labels"] = JsonMaps.ToObject(network.Labels);
        }

        if (network.Options.Count > 0)
        {
            args["podman_options"] = JsonMaps.ToObject(network.Options);
        }

        if (network.Id != IdFromName(network.Name))
        {
            args[IdArgument] = network.Id;
        }

        var list = new JsonObject
        {
            ["cniVersion"] = Version,
            ["name"] = network.Name,
            ["plugins"] = new JsonArray(Plugins(network, firewallBackend).ToArray<JsonNode?>()),
        };
        if (args.Count > 0)
        {
            list["args"] = args;
        }

        return list;
    }

    public static NetworkDefinition FromJson(JsonNode list, DateTimeOffset created)
    {
        var name = JsonMaps.Text(list, "name") ?? throw new FormatException("no \"name\"");
        var plugins = list["plugins"] as JsonArray ?? throw new FormatException("no \"plugins\"");
        var first = plugins.FirstOrDefault() ?? throw new FormatException("no plugins");
        var driver = JsonMaps.Text(first, "type") ?? "";
        var args = list["args"];
        var options = JsonMaps.ToMap(args?["podman_options"]);
        var isBridge = driver == "bridge";
        var subnets = Subnets(first["ipam"]);

        return new NetworkDefinition
        {
            Name = name,
            Id = JsonMaps.Text(args, IdArgument) ?? IdFromName(name),
            Driver = driver,
            NetworkInterface = JsonMaps.Text(first, isBridge ? "bridge" : "master") ?? "",
            Created = created,
            Subnets = subnets,
            Ipv6Enabled = subnets.Any(s => s.Subnet.Contains(':')),
            Internal = isBridge && !JsonMaps.Flag(first, "isGateway"),
            DnsEnabled = plugins.Any(p => JsonMaps.Text(p, "type") == "dnsname"),
            Labels = JsonMaps.ToMap(args?["podman_labels"]),
            Options = options,
            IpamOptions = new Dictionary<string, string>
            {
                ["driver"] = JsonMaps.Text(first["ipam"], "type") ?? "host-local",
            },
        };
    }

    /// <summary>Podman's id of a CNI network: the SHA-256 of its name, in hex.</summary>
    public static string IdFromName(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static IEnumerable<JsonObject> Plugins(NetworkDefinition network, string firewallBackend)
    {
        switch (network.Driver)
        {
            case "bridge":
                yield return Bridge(network);
                yield return new JsonObject
                {
                    ["type"] = "portmap",
                    ["capabilities"] = new JsonObject { ["portMappings"] = true },
                };
                yield return new JsonObject { ["type"] = "firewall", ["backend"] = firewallBackend };
                yield return new JsonObject { ["type"] = "tuning" };
                if (network.DnsEnabled)
                {
                    yield return new JsonObject
                    {
                        ["type"] = "dnsname",
                        ["domainName"] = DomainName,
                        ["capabilities"] = new JsonObject { ["aliases"] = true },
                    };
                }

                break;
            case "macvlan" or "ipvlan":
                yield return Vlan(network);
                break;
            default:
                throw new InvalidInputException(
                    $"driver \"{network.Driver}\" is not supported by cni");
        }
    }

    private static JsonObject Bridge(NetworkDefinition network)
    {
        var bridge = new JsonObject
        {
            ["type"] = "bridge",
            ["bridge"] = network.NetworkInterface,
            ["isGateway"] = !network.Internal,
            ["ipMasq"] = !network.Internal,
            ["hairpinMode"] = true,
        };
        AddNumber(bridge, "mtu", network.Options, "mtu");
        AddNumber(bridge, "vlan", network.Options, "vlan");
        bridge["ipam"] = Ipam(network);
        return bridge;
    }

    private static JsonObject Vlan(NetworkDefinition network)
    {
        var vlan = new JsonObject { ["type"] = network.Driver, ["master"] = network.NetworkInterface };
        if (network.Options.TryGetValue("mode", out var mode))
        {
            vlan["mode"] = mode;
        }

        AddNumber(vlan, "mtu", network.Options, "mtu");
        vlan["ipam"] = Ipam(network);
        return vlan;
    }

    private static void AddNumber(
        JsonObject plugin,
        string key,
        IReadOnlyDictionary<string, string> options,
        string option)
    {
        if (options.TryGetValue(option, out var text) && int.TryParse(text, out var number) && number > 0)
        {
            plugin[key] = number;
        }
    }

    private static JsonObject Ipam(NetworkDefinition network)
    {
        if (network.IpamOptions.TryGetValue("driver", out var driver) && driver == "dhcp")
        {
            return new JsonObject { ["type"] = "dhcp" };
        }

        var ranges = network.Subnets.Select(subnet => (JsonNode?)new JsonArray(Range(subnet))).ToArray();
        var ipam = new JsonObject { ["type"] = "host-local" };
        if (!network.Internal)
        {
            ipam["routes"] = new JsonArray(DefaultRoutes(network).ToArray<JsonNode?>());
        }

        ipam["ranges"] = new JsonArray(ranges);
        return ipam;
    }

    private static IEnumerable<JsonObject> DefaultRoutes(NetworkDefinition network)
    {
        // One default route per address family, as Podman writes it.
        if (network.Subnets.Any(s => !s.Subnet.Contains(':')))
        {
            yield return new JsonObject { ["dst"] = "0.0.0.0/0" };
        }

        if (network.Subnets.Any(s => s.Subnet.Contains(':')))
        {
            yield return new JsonObject { ["dst"] = "::/0" };
        }
    }

    private static JsonObject Range(NetworkSubnet subnet)
    {
        var range = new JsonObject { ["subnet"] = subnet.Subnet };
        if (!string.IsNullOrEmpty(subnet.Gateway))
        {
            range["gateway"] = subnet.Gateway;
        }

        if (subnet.LeaseRange?.StartIp is { } start)
        {
            range["rangeStart"] = start;
        }

        if (subnet.LeaseRange?.EndIp is { } end)
        {
            range["rangeEnd"] = end;
        }

        return range;
    }

    private static List<NetworkSubnet> Subnets(JsonNode? ipam) =>
        (ipam?["ranges"] as JsonArray ?? [])
            .SelectMany(set => set as JsonArray ?? [])
            .Select(range => new NetworkSubnet(
                JsonMaps.Text(range, "subnet") ?? throw new FormatException("a range without \"subnet\""),
                JsonMaps.Text(range, "gateway"),
                LeaseRangeOf(range)))
            .ToList();

    private static LeaseRange? LeaseRangeOf(JsonNode? range)
    {
        var start = JsonMaps.Text(range, "rangeStart");
        var end = JsonMaps.Text(range, "rangeEnd");
        return start is null && end is null ? null : new LeaseRange(start, end);
    }
}
