using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// Hands out 10.203.N.0/24 subnets so network tests never collide with each other, with
/// other helpers' runs, or with a real Podman: a claim is a file created exclusively under
/// /tmp/modular-e2e-subnets, and a subnet some host interface already uses is skipped.
/// </summary>
internal static class SubnetClaims
{
    private const string ClaimDirectory = "/tmp/modular-e2e-subnets";

    /// <summary>Claims one free third octet; <see cref="Release"/> gives it back.</summary>
    public static int Claim()
    {
        Directory.CreateDirectory(ClaimDirectory);
        var inUse = HostOctets();
        var start = Random.Shared.Next(256);
        for (var i = 0; i < 256; i++)
        {
            var octet = (start + i) % 256;
            if (inUse.Contains(octet) || !TryCreate(Path.Combine(ClaimDirectory, octet.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            {
                continue;
            }

            return octet;
        }

        throw new InvalidOperationException("no free 10.203.N.0/24 subnet left for network tests");
    }

    public static void Release(int octet) =>
        File.Delete(Path.Combine(ClaimDirectory, octet.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static bool TryCreate(string path)
    {
        try
        {
            using var claim = new FileStream(path, FileMode.CreateNew);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static HashSet<int> HostOctets() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => address.AddressFamily == AddressFamily.InterNetwork)
            .Select(address => address.GetAddressBytes())
            .Where(bytes => bytes[0] == 10 && bytes[1] == 203)
            .Select(bytes => (int)bytes[2])
            .ToHashSet();
}
