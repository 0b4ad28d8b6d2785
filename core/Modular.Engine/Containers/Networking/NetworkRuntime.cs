using Modular.Contracts.Network;

namespace Modular.Engine.Containers.Networking;

/// <summary>What a start set up for the container's network.</summary>
/// <param name="OwnedNamespace">The namespace the engine made (bridge mode), to remove on stop.</param>
/// <param name="SpecNamespacePath">
/// The path for the spec's network namespace: the owned one, another container's, ns:PATH;
/// null for a new namespace of the runtime's (none, private) or none at all (host).
/// </param>
/// <param name="Networks">What the backend gave, per network; null when no network was set up.</param>
internal sealed record NetworkRuntime(
    string? OwnedNamespace,
    string? SpecNamespacePath,
    IReadOnlyDictionary<string, NetworkStatus>? Networks)
{
    public static NetworkRuntime None { get; } = new(null, null, null);
}
