using System.Net;
using System.Net.Sockets;

namespace Modular.Engine.Networks;

/// <summary>Addresses as 128-bit numbers, so one arithmetic serves IPv4 and IPv6.</summary>
public static class IpMath
{
    public static int BitsOf(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? 128 : 32;

    public static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (var b in address.GetAddressBytes())
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public static IPAddress FromNumber(UInt128 value, AddressFamily family)
    {
        var bytes = new byte[BitsOf(family) / 8];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xff);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    /// <summary>
    /// Parses an address as Go's net.ParseIP does: IPv4 only in four dotted decimals (not
    /// .NET's legacy "10.1.2" or hex forms), no zone; IPv4-mapped IPv6 becomes plain IPv4.
    /// </summary>
    public static bool TryParse(string text, out IPAddress address)
    {
        var dottedQuad = text.Split('.') is { Length: 4 } parts
            && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
        if (!(text.Contains(':', StringComparison.Ordinal) || dottedQuad)
            || !IPAddress.TryParse(text, out var parsed) || text.Contains('%', StringComparison.Ordinal))
        {
            address = IPAddress.None;
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    public static IPAddress Next(IPAddress address) =>
        FromNumber(ToNumber(address) + 1, address.AddressFamily);
}
