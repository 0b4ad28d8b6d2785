using Modular.Contracts.Plugins;

namespace Modular.Engine.Plugins;

/// <summary>The kind names written in manifests, logs, errors and <c>modpod info</c>.</summary>
public static class PluginKindNames
{
    public static string ToName(PluginKind kind) => kind switch
    {
        PluginKind.Runtime => "runtime",
        PluginKind.Storage => "storage",
        PluginKind.Network => "network",
        PluginKind.Checkpointer => "checkpointer",
        PluginKind.HookProvider => "hook-provider",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static PluginKind? Parse(string? name) => name switch
    {
        "runtime" => PluginKind.Runtime,
        "storage" => PluginKind.Storage,
        "network" => PluginKind.Network,
        "checkpointer" => PluginKind.Checkpointer,
        "hook-provider" => PluginKind.HookProvider,
        _ => null,
    };
}
