namespace Modular.EndToEnd.Networks;

/// <summary>The network tests' store with the CNI plugins (and dnsname).</summary>
public sealed class CniNetworkFixture : NetworkFixture
{
    public override string Backend => "cni";
}
