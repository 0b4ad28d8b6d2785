namespace Modular.Contracts.Plugins;

/// <summary>The kinds of backend a plugin may provide; one selected id per kind.</summary>
public enum PluginKind
{
    Runtime,
    Storage,
    Network,
    Checkpointer,
    HookProvider,
}
