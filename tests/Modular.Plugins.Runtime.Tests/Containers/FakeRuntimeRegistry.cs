using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;
using Modular.Engine.Plugins;
using Modular.Plugins.Runtime.Crun;
using Modular.Plugins.Runtime.Runc;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>
/// Stands in for the plugin host's registry: the real runtime plugins, constructed directly
/// instead of loaded from the plugin folder.
/// </summary>
public sealed class FakeRuntimeRegistry : IRuntimeRegistry
{
    private readonly Dictionary<string, IOciRuntime> _runtimes = new()
    {
        ["crun"] = new CrunRuntime(),
        ["runc"] = new RuncRuntime(),
    };

    public IReadOnlyList<string> InstalledIds => [.. _runtimes.Keys];

    public IOciRuntime Get(string id) => _runtimes.TryGetValue(id, out var runtime)
        ? runtime
        : throw new InvalidInputException($"unknown runtime \"{id}\": installed are crun, runc");
}
