using Microsoft.Extensions.Logging.Abstractions;
using Modular.Contracts.Network;
using Modular.Plugins.Network.Cni.Netavark;

namespace Modular.Plugins.Network.Tests;

/// <summary>The conformance suite against Debian's netavark 1.4 and aardvark-dns.</summary>
public sealed class NetavarkBackendTests : NetworkBackendConformance
{
    protected override INetworkBackend CreateBackend() => new NetavarkBackend(NullLogger<NetavarkBackend>.Instance);

    protected override IReadOnlyList<string> PluginDirectories => ["/usr/lib/podman"];
}
