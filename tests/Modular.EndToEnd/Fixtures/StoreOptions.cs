namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// What goes in a fixture's config files: the runtime and driver keys, extra plugin
/// folders, and extra lines for the [engine] and [network] tables of containers.conf.
/// </summary>
public sealed record StoreOptions(
    string Runtime = "crun",
    string Driver = "overlay",
    IReadOnlyList<string>? ExtraPluginDirs = null,
    IReadOnlyList<string>? ExtraEngineLines = null,
    IReadOnlyList<string>? ExtraNetworkLines = null)
{
    public static StoreOptions Default { get; } = new();
}
