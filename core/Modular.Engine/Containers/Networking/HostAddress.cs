using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// The host's address as containers see it (host.containers.internal, host-gateway):
/// the first IPv4 address of the interface carrying the default route, read from
/// /proc/net/route without sending anything.
/// </summary>
internal static class HostAddress
{
    public static string? Find()
    {
        var device = DefaultRouteDevice();
        var interfaces = NetworkInterface.GetAllNetworkInterfaces();
        var preferred = interfaces.Where(nic => nic.Name == device)
            .Concat(interfaces.Where(nic => nic.NetworkInterfaceType != NetworkInterfaceType.Loopback));
        return preferred
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork
                && !System.Net.IPAddress.IsLoopback(address))
            ?.ToString();
    }

    private static string? DefaultRouteDevice()
    {
        try
        {
            return File.ReadLines("/proc/net/route")
                .Skip(1)
                .Select(line => line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(fields => fields.Length > 2 && fields[1] == "00000000")
                .Select(fields => fields[0])
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Formats an address with its prefix, as <c>10.88.0.2/16</c> splits into parts.</summary>
    public static (string Address, int PrefixLength) SplitCidr(string cidr)
    {
        var parts = cidr.Split('/', 2);
        return (parts[0], parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0);
    }
}
