using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Contracts.Runtime;

namespace Modular.Engine.Plugins;

/// <summary>OCI runtimes by id, each loaded from its plugin on first request.</summary>
public sealed class RuntimeRegistry(PluginHost host) : IRuntimeRegistry
{
    public IReadOnlyList<string> InstalledIds => host.Catalog.IdsOf(PluginKind.Runtime);

    public IOciRuntime Get(string id) =>
        host.Load<IOciRuntime>(PluginKind.Runtime, id) ?? throw Unknown(id);

    private InvalidInputException Unknown(string id)
    {
        var installed = InstalledIds;
        return installed.Count == 0
            ? new InvalidInputException($"unknown runtime \"{id}\": no runtime plugins are installed")
            : new InvalidInputException(
                $"unknown runtime \"{id}\": installed runtimes are {string.Join(", ", installed)}");
    }
}
