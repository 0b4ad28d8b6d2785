using System.Net;
using System.Net.Sockets;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>
/// A subnet in CIDR form, kept as its network address (10.89.0.7/24 parses to
/// 10.89.0.0/24, as Podman stores it) and prefix length.
/// </summary>
public readonly record struct Cidr(IPAddress Network, int PrefixLength)
{
    public AddressFamily Family => Network.AddressFamily;

    public bool IsIPv6 => Family == AddressFamily.InterNetworkV6;

    public int Bits => IpMath.BitsOf(Family);

    /// <summary>The number of addresses, saturating at UInt128.MaxValue for a /0 IPv6.</summary>
    public UInt128 Size => Bits - PrefixLength >= 128 ? UInt128.MaxValue : UInt128.One << (Bits - PrefixLength);

    public UInt128 First => IpMath.ToNumber(Network);

    public UInt128 Last => First + (Size - 1);

    /// <exception cref="InvalidInputException">Podman's wording: <c>invalid CIDR address: X</c>.</exception>
    public static Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new InvalidInputException($"invalid CIDR address: {text}");

    public static bool TryParse(string text, out Cidr cidr)
    {
        cidr = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IpMath.TryParse(text[..slash], out var address)
            || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, null, out var prefix)
            || prefix > IpMath.BitsOf(address.AddressFamily))
        {
            return false;
        }

        cidr = Of(address, prefix);
        return true;
    }

    /// <summary>The subnet of <paramref name="prefixLength"/> bits that holds <paramref name="address"/>.</summary>
    public static Cidr Of(IPAddress address, int prefixLength)
    {
        var bits = IpMath.BitsOf(address.AddressFamily);
        var hostBits = bits - prefixLength;
        var mask = hostBits >= 128 ? UInt128.Zero : ~((UInt128.One << hostBits) - 1);
        var network = IpMath.ToNumber(address) & mask & AllOnes(bits);
        return new Cidr(IpMath.FromNumber(network, address.AddressFamily), prefixLength);
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Family)
        {
            return false;
        }

        var value = IpMath.ToNumber(address);
        return value >= First && value <= Last;
    }

    /// <summary>Whether one subnet holds the other's network address (Podman's test).</summary>
    public bool Intersects(Cidr other) => Contains(other.Network) || other.Contains(Network);

    /// <summary>The next subnet of the same size, or null past the end of the address space.</summary>
    public Cidr? NextSubnet()
    {
        var next = Last + 1;
        return Last == AllOnes(Bits) ? null : new Cidr(IpMath.FromNumber(next, Family), PrefixLength);
    }

    public IPAddress Address(UInt128 number) => IpMath.FromNumber(number, Family);

    public override string ToString() => $"{Network}/{PrefixLength}";

    private static UInt128 AllOnes(int bits) => bits >= 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
}
