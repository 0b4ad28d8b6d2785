using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>
/// Stands in for <see cref="INetworkContainers"/> until the container integration registers
/// its implementation: each operation that needs containers rewired is refused with a
/// clear error instead of silently doing nothing.
/// </summary>
public sealed class UnwiredNetworkContainers : INetworkContainers
{
    public Task<IReadOnlyList<string>> RemoveContainersUsingAsync(
        string networkName,
        int? timeoutSeconds,
        CancellationToken cancellationToken) =>
        throw NotYet("network rm --force");

    public Task ConnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        NetworkConnectRequest request,
        CancellationToken cancellationToken) =>
        throw NotYet("network connect");

    public Task DisconnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        bool force,
        CancellationToken cancellationToken) =>
        throw NotYet("network disconnect");

    public Task<IReadOnlyList<string>> ReloadAsync(
        IReadOnlyList<string> containerNamesOrIds,
        bool all,
        CancellationToken cancellationToken) =>
        throw NotYet("network reload");

    private static CapabilityMissingException NotYet(string command) =>
        new($"{command} is not supported yet: containers cannot be rewired in this build");
}
