using System.Text;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// The text of a container's /etc/hosts and /etc/resolv.conf, as Podman 5 writes them:
/// hosts from a base (the host's file in host mode, localhost lines otherwise), the
/// <c>--add-host</c> entries, the container's own addresses and names, and
/// host.containers.internal; resolv.conf from the host's, with the network's name server
/// first and the host's loopback servers dropped (they mean nothing in another namespace).
/// </summary>
internal static class EtcFiles
{
    private const string LocalhostLines =
        "127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n"
        + "::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n";

    public static string Hosts(
        ContainerConfig config,
        IReadOnlyDictionary<string, NetworkStatus>? networks,
        string? hostIp,
        string hostHosts)
    {
        var text = new StringBuilder();
        foreach (var entry in config.AddHosts)
        {
            var (name, ip) = SplitAddHost(entry);
            text.Append(ip == "host-gateway" ? hostIp ?? "" : ip).Append('\t').Append(name).Append('\n');
        }

        if (config.NetworkMode == "host")
        {
            return text.Append(hostHosts).ToString();
        }

        text.Append(LocalhostLines);
        var names = config.Hostname == config.Name ? config.Name : $"{config.Hostname} {config.Name}";
        var addresses = (networks ?? new Dictionary<string, NetworkStatus>()).Values
            .SelectMany(status => status.Interfaces)
            .SelectMany(nic => nic.Addresses)
            .Select(address => HostAddress.SplitCidr(address.Cidr).Address)
            .Distinct()
            .ToList();
        foreach (var address in addresses.Count > 0 ? addresses : ["127.0.1.1"])
        {
            text.Append(address).Append('\t').Append(names).Append('\n');
        }

        if (hostIp is not null && addresses.Count > 0)
        {
            text.Append(hostIp).Append("\thost.containers.internal host.docker.internal\n");
        }

        return text.ToString();
    }

    public static string ResolvConf(
        ContainerConfig config,
        IReadOnlyDictionary<string, NetworkStatus>? networks,
        string hostResolvConf)
    {
        var hostServers = new List<string>();
        var hostSearch = new List<string>();
        var hostOptions = new List<string>();
        foreach (var line in hostResolvConf.Split('\n'))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            switch (fields.FirstOrDefault())
            {
                case "nameserver" when fields.Length > 1:
                    hostServers.Add(fields[1]);
                    break;
                case "search" or "domain":
                    hostSearch.AddRange(fields.Skip(1));
                    break;
                case "options":
                    hostOptions.AddRange(fields.Skip(1));
                    break;
            }
        }

        var statuses = (networks ?? new Dictionary<string, NetworkStatus>()).Values.ToList();
        var ownNamespace = config.NetworkMode != "host";
        var servers = config.DnsServers.Count > 0 ? config.DnsServers.ToList()
            : statuses.SelectMany(status => status.DnsServers)
                .Concat(hostServers.Where(server => !ownNamespace || !IsLoopback(server)))
                .Distinct()
                .ToList();
        var search = config.DnsSearch.Count > 0 ? config.DnsSearch.Where(domain => domain != ".").ToList()
            : statuses.SelectMany(status => status.DnsSearchDomains).Concat(hostSearch).Distinct().ToList();
        var options = config.DnsOptions.Count > 0 ? config.DnsOptions.ToList() : hostOptions;

        var text = new StringBuilder();
        if (search.Count > 0)
        {
            text.Append("search ").AppendJoin(' ', search).Append('\n');
        }

        foreach (var server in servers)
        {
            text.Append("nameserver ").Append(server).Append('\n');
        }

        if (options.Count > 0)
        {
            text.Append("options ").AppendJoin(' ', options).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>NAME:IP (IPv6 addresses keep their colons; NAME=IP is accepted too).</summary>
    public static (string Name, string Ip) SplitAddHost(string entry)
    {
        var separator = entry.IndexOfAny([':', '=']);
        if (separator <= 0 || separator == entry.Length - 1)
        {
            throw new InvalidInputException($"invalid add-host \"{entry}\": it must be of the form HOST:IP");
        }

        var ip = entry[(separator + 1)..].Trim('[', ']');
        if (ip != "host-gateway" && !System.Net.IPAddress.TryParse(ip, out _))
        {
            throw new InvalidInputException($"invalid IP address in add-host: \"{ip}\"");
        }

        return (entry[..separator], ip);
    }

    private static bool IsLoopback(string server) =>
        System.Net.IPAddress.TryParse(server, out var address) && System.Net.IPAddress.IsLoopback(address);
}
