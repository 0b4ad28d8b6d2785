namespace Modular.Contracts.Plugins;

/// <summary>
/// What the file <c>modular-plugin.json</c> beside a plugin assembly says. The host reads
/// it without loading code, so that only the selected plugin of each kind is loaded.
/// </summary>
/// <param name="Kind">One of runtime, storage, network, checkpointer, hook-provider.</param>
/// <param name="Ids">The short ids this assembly provides, e.g. <c>overlay</c>, <c>vfs</c>.</param>
/// <param name="Contracts">The contracts version it was built against.</param>
/// <param name="Assembly">The assembly file name, relative to the manifest.</param>
/// <param name="Module">The full name of its <see cref="IPluginModule"/> type.</param>
public sealed record PluginManifest(
    string Kind,
    IReadOnlyList<string> Ids,
    string Contracts,
    string Assembly,
    string Module);
