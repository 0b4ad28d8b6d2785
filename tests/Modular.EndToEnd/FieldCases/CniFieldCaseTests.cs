using Modular.EndToEnd.Networks;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

/// <summary>The network field cases with network_backend = "cni".</summary>
public sealed class CniFieldCaseTests(CniNetworkFixture network)
    : NetworkFieldCaseTests<CniNetworkFixture>(network), IClassFixture<CniNetworkFixture>;
