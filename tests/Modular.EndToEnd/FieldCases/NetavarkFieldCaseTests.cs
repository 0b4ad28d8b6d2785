using Modular.EndToEnd.Networks;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

/// <summary>The network field cases with network_backend = "netavark".</summary>
public sealed class NetavarkFieldCaseTests(NetavarkNetworkFixture network)
    : NetworkFieldCaseTests<NetavarkNetworkFixture>(network), IClassFixture<NetavarkNetworkFixture>;
