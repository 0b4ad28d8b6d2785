namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// What every plugin of one network's chain gets for one container: the CNI_* variables
/// and the capability arguments (runtimeConfig) a plugin receives when it declares them.
/// </summary>
internal sealed record CniInvocation(
    string ContainerId,
    string NamespacePath,
    string InterfaceName,
    string CniArgs,
    IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode> Capabilities);
