using System.Net.NetworkInformation;

namespace Modular.Engine.Networks;

/// <summary>
/// Reads the host's interfaces as Podman does before choosing a bridge name or a free
/// subnet: a subnet already on an interface (Podman's own podman0, a VPN, the LAN) is
/// taken, whichever tool put it there.
/// </summary>
public sealed class HostInterfaces : IHostInterfaces
{
    public IReadOnlyList<string> Names() =>
        [.. NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name)];

    public IReadOnlyList<Cidr> Subnets()
    {
        var subnets = new List<Cidr>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            foreach (var address in nic.GetIPProperties().UnicastAddresses)
            {
                if (address.PrefixLength > 0 && !address.Address.IsIPv6LinkLocal)
                {
                    subnets.Add(Cidr.Of(address.Address, address.PrefixLength));
                }
            }
        }

        return subnets;
    }
}
