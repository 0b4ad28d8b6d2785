using Modular.Engine.State;

namespace Modular.Engine.Containers.Networking;

/// <summary>A container's network mode and, in bridge mode, the networks it joins.</summary>
internal sealed record NetworkSelection(
    string Mode,
    IReadOnlyDictionary<string, ContainerNetworkOptions> Networks)
{
    public const string Bridge = "bridge";
    public const string ContainerPrefix = "container:";
    public const string PathPrefix = "ns:";

    public static NetworkSelection Private { get; } =
        new("private", new Dictionary<string, ContainerNetworkOptions>());

    /// <summary>True for the modes whose namespace is not the container's own (-p is discarded).</summary>
    public static bool SharesNamespace(string mode) =>
        mode is "host" or "none" || mode.StartsWith(ContainerPrefix, StringComparison.Ordinal)
        || mode.StartsWith(PathPrefix, StringComparison.Ordinal);
}
