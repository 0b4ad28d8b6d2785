using Modular.EndToEnd.Networks;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// The pod tests' store: netavark with a default network on a bridge and a claimed
/// 10.203.N.0/24 of its own (see <see cref="NetworkFixture"/>), so pods with published
/// ports never touch the shared modpod0 bridge.
/// </summary>
public sealed class PodFixture : NetworkFixture
{
    public override string Backend => "netavark";
}
