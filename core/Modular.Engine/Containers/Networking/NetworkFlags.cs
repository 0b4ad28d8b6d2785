using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// Podman's reading of <c>--network</c> values: a mode (none, host, private,
/// container:ID, ns:PATH) alone, or networks, each as NAME, a comma list of names
/// (kept for compatibility), or NAME:ip=..,ip6=..,mac=..,alias=..,interface_name=...
/// <c>--ip</c>, <c>--mac-address</c> and <c>--network-alias</c> go to the only network.
/// </summary>
internal static class NetworkFlags
{
    public static NetworkSelection Parse(
        CreateContainerRequest request,
        string? defaultNetwork)
    {
        var values = request.Networks.Count > 0 ? request.Networks
            : request.Network is { Length: > 0 } single ? [single]
            : [];
        if (values.Count == 0 || (values.Count == 1 && values[0] is "bridge" or "default"))
        {
            return defaultNetwork is null
                ? NetworkSelection.Private
                : Networks([defaultNetwork], request);
        }

        if (values.Count == 1 && SpecialMode(values[0]) is { } mode)
        {
            return new NetworkSelection(mode, new Dictionary<string, ContainerNetworkOptions>());
        }

        if (values.FirstOrDefault(value => SpecialMode(value) is not null) is { } special)
        {
            throw new InvalidInputException(
                $"cannot set multiple networks without bridge network mode, selected mode {special}: invalid argument");
        }

        return Networks(values, request);
    }

    private static string? SpecialMode(string value) => value switch
    {
        "none" or "host" or "private" => value,
        "slirp4netns" or "pasta" => throw new InvalidInputException(
            $"network mode {value} is for rootless containers and is not supported by modpod"),
        _ when value.StartsWith(NetworkSelection.ContainerPrefix, StringComparison.Ordinal) =>
            value.Length > NetworkSelection.ContainerPrefix.Length ? value
                : throw new InvalidInputException("container: requires a container name or ID"),
        _ when value.StartsWith(NetworkSelection.PathPrefix, StringComparison.Ordinal) =>
            value.Length > NetworkSelection.PathPrefix.Length ? value
                : throw new InvalidInputException("ns: requires a namespace path"),
        _ => null,
    };

    private static NetworkSelection Networks(IReadOnlyList<string> values, CreateContainerRequest request)
    {
        var networks = new Dictionary<string, ContainerNetworkOptions>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split(':', 2);
            var names = parts.Length == 1 ? value.Split(',') : [parts[0]];
            foreach (var name in names.Where(name => name.Length > 0))
            {
                if (networks.ContainsKey(name))
                {
                    throw new InvalidInputException($"network {name} is given twice: invalid argument");
                }

                var options = parts.Length == 2 ? ParseOptions(name, parts[1], networks.Count)
                    : new ContainerNetworkOptions($"eth{networks.Count}", [], null, []);
                networks[name] = options;
            }
        }

        return new NetworkSelection(NetworkSelection.Bridge, ApplyGlobalFlags(networks, request));
    }

    private static ContainerNetworkOptions ParseOptions(string name, string text, int index)
    {
        var ips = new List<string>();
        var aliases = new List<string>();
        string? mac = null;
        var interfaceName = $"eth{index}";
        foreach (var option in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = option.Split('=', 2);
            var value = pair.Length == 2 ? pair[1] : "";
            switch (pair[0])
            {
                case "ip" or "ip6":
                    ips.Add(StaticIp(value));
                    break;
                case "mac":
                    mac = value;
                    break;
                case "alias":
                    aliases.Add(value);
                    break;
                case "interface_name":
                    interfaceName = value;
                    break;
                default:
                    throw new InvalidInputException(
                        $"unknown network option \"{pair[0]}\" for network {name}: invalid argument");
            }
        }

        return new ContainerNetworkOptions(interfaceName, ips, mac, aliases);
    }

    // Podman refuses --ip, --mac-address and --network-alias with several networks: it could
    // not tell which network they are for.
    private static Dictionary<string, ContainerNetworkOptions> ApplyGlobalFlags(
        Dictionary<string, ContainerNetworkOptions> networks,
        CreateContainerRequest request)
    {
        var hasGlobal = request.StaticIps.Count > 0 || request.MacAddress is not null
            || request.NetworkAliases.Count > 0;
        if (!hasGlobal)
        {
            return networks;
        }

        if (networks.Count != 1)
        {
            throw new InvalidInputException(
                "--ip, --ip6, --mac-address and --network-alias can only be set for a single network: "
                + "use NAME:ip=...,mac=...,alias=... for each network instead");
        }

        var (name, options) = networks.Single();
        networks[name] = options with
        {
            StaticIps = [.. options.StaticIps, .. request.StaticIps.Select(StaticIp)],
            StaticMac = request.MacAddress ?? options.StaticMac,
            Aliases = [.. options.Aliases, .. request.NetworkAliases],
        };
        return networks;
    }

    private static string StaticIp(string value) =>
        System.Net.IPAddress.TryParse(value, out var address) ? address.ToString()
            : throw new InvalidInputException($"{value} is not an IP address");
}
