using Xunit;

namespace Modular.EndToEnd.Networks;

/// <summary>The networking tests with network_backend = "cni".</summary>
public sealed class CniNetworkTests(CniNetworkFixture network)
    : NetworkTests<CniNetworkFixture>(network), IClassFixture<CniNetworkFixture>;
