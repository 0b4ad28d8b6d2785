using Xunit;

namespace Modular.EndToEnd.Networks;

/// <summary>The networking tests with network_backend = "netavark".</summary>
public sealed class NetavarkNetworkTests(NetavarkNetworkFixture network)
    : NetworkTests<NetavarkNetworkFixture>(network), IClassFixture<NetavarkNetworkFixture>;
