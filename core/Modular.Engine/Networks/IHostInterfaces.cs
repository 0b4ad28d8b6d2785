namespace Modular.Engine.Networks;

/// <summary>The host's live network interfaces, which new bridges and subnets must avoid.</summary>
public interface IHostInterfaces
{
    /// <summary>Names of every interface on the host (eth0, podman0, modpod1 ...).</summary>
    IReadOnlyList<string> Names();

    /// <summary>The subnets of every address configured on the host.</summary>
    IReadOnlyList<Cidr> Subnets();
}
