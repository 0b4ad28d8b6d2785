using Modular.Contracts.Plugins;

namespace Modular.Engine.Plugins;

/// <summary>A plugin folder whose manifest was read and accepted; no code loaded yet.</summary>
/// <param name="Kind">The kind of backend it provides.</param>
/// <param name="Ids">The ids it provides.</param>
/// <param name="Directory">Its folder.</param>
/// <param name="AssemblyPath">The assembly file, absolute.</param>
/// <param name="ModuleType">The full name of its <see cref="IPluginModule"/> type.</param>
public sealed record PluginDescriptor(
    PluginKind Kind,
    IReadOnlyList<string> Ids,
    string Directory,
    string AssemblyPath,
    string ModuleType);
