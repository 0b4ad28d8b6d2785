namespace Modular.EndToEnd.Networks;

/// <summary>The network tests' store with netavark (and aardvark-dns).</summary>
public sealed class NetavarkNetworkFixture : NetworkFixture
{
    public override string Backend => "netavark";
}
