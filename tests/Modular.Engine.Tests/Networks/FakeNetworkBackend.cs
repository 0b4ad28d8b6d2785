using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Engine.Tests.Networks;

/// <summary>
/// Replaces netavark in unit tests of the network service, which check the engine's part
/// (IPAM, leases, status, refusals) without creating links; the real backends are tested
/// by tests/Modular.Plugins.Network.Tests and the end-to-end tests.
/// </summary>
public sealed class FakeNetworkBackend : INetworkBackend
{
    private readonly Dictionary<string, NetworkDefinition> _written = [];

    public string Id => "fake";

    public bool AllocatesAddresses => false;

    public List<NetworkSetupRequest> Setups { get; } = [];

    public List<NetworkSetupRequest> Teardowns { get; } = [];

    /// <summary>When set, setup fails as a backend program would.</summary>
    public bool FailSetup { get; set; }

    public Task InitializeAsync(NetworkBackendOptions options, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<IReadOnlyList<NetworkDefinition>> LoadNetworksAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NetworkDefinition>>([.. _written.Values]);

    public Task WriteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        _written[network.Name] = network;
        return Task.CompletedTask;
    }

    public Task DeleteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        _written.Remove(network.Name);
        return Task.CompletedTask;
    }

    public Task<NetworkSetupResult> SetupAsync(NetworkSetupRequest request, CancellationToken cancellationToken)
    {
        Setups.Add(request);
        if (FailSetup)
        {
            throw new BackendException("netavark: setup failed (fake)");
        }

        var networks = request.Networks.ToDictionary(
            a => a.Network.Name,
            a => new NetworkStatus(
                [new InterfaceStatus(a.InterfaceName, "02:00:00:00:00:01",
                    [.. a.StaticIps.Select(ip => new InterfaceAddress(ip + "/24", a.Network.Subnets[0].Gateway))])],
                [],
                []));
        return Task.FromResult(new NetworkSetupResult(networks));
    }

    public Task TeardownAsync(NetworkSetupRequest request, CancellationToken cancellationToken)
    {
        Teardowns.Add(request);
        return Task.CompletedTask;
    }
}
