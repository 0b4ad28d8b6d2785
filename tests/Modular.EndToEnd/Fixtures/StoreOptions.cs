namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// What goes in a fixture's config files: the runtime and driver keys, extra plugin
/// folders, extra lines for the [engine] table of containers.conf, and extra tables
/// appended at its end (a [network] table, for instance).
/// </summary>
/// <remarks>
/// Runtime and Driver left null take the matrix cell's (<see cref="MatrixCell"/>), crun and
/// overlay unless scripts/matrix says otherwise.
/// </remarks>
public sealed record StoreOptions(
    string? Runtime = null,
    string? Driver = null,
    IReadOnlyList<string>? ExtraPluginDirs = null,
    IReadOnlyList<string>? ExtraEngineLines = null,
    IReadOnlyList<string>? ExtraTables = null)
{
    public static StoreOptions Default { get; } = new();
}
