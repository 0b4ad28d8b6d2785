namespace Modular.Engine.Plugins;

/// <summary>
/// One plugin id as <c>modpod info</c> shows it: <c>available</c> (found, not needed by this
/// command), <c>loaded</c>, <c>skipped</c> (with the reason) or <c>failed</c> (with the error).
/// </summary>
/// <param name="Kind">runtime, storage, network, checkpointer, hook-provider (or unknown).</param>
/// <param name="Id">The id, or the folder name when the manifest could not be read.</param>
/// <param name="Status">available, loaded, skipped or failed.</param>
/// <param name="Reason">Why it was skipped or how it failed; null otherwise.</param>
/// <param name="Path">The plugin's folder.</param>
public sealed record PluginStatus(string Kind, string Id, string Status, string? Reason, string Path);
