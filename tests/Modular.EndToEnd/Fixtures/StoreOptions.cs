namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// What goes in a fixture's config files: the runtime and driver keys, extra plugin
/// folders, extra lines for the [engine] table of containers.conf, and extra tables
/// appended at its end (a [network] table, for instance).
/// </summary>
public sealed record StoreOptions(
    string Runtime = "crun",
    string Driver = "overlay",
    IReadOnlyList<string>? ExtraPluginDirs = null,
    IReadOnlyList<string>? ExtraEngineLines = null,
    IReadOnlyList<string>? ExtraTables = null)
{
    public static StoreOptions Default { get; } = new();
}
