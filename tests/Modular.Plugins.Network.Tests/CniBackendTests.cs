using Microsoft.Extensions.Logging.Abstractions;
using Modular.Conformance.Network;
using Modular.Contracts.Network;
using Modular.Plugins.Network.Cni.Cni;

namespace Modular.Plugins.Network.Tests;

/// <summary>The conformance suite against containernetworking-plugins 1.1 and dnsname with dnsmasq.</summary>
public sealed class CniBackendTests : NetworkBackendConformance
{
    protected override INetworkBackend CreateBackend() => new CniBackend(NullLogger<CniBackend>.Instance);

    protected override IReadOnlyList<string> PluginDirectories => ["/usr/lib/cni"];
}
