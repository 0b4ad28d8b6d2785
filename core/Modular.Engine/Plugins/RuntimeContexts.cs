using Modular.Contracts.Runtime;
using Modular.Engine.Configuration;

namespace Modular.Engine.Plugins;

/// <summary>
/// The <see cref="OciRuntimeContext"/> for a runtime id, built in one place so <c>info</c>
/// and the container engine resolve a runtime with the same state root and search paths.
/// </summary>
public static class RuntimeContexts
{
    /// <summary>State lives in <c>runroot/runtime/&lt;id&gt;</c>, never in the runtime's default.</summary>
    public static OciRuntimeContext For(EngineOptions options, string id) => new(
        Path.Combine(options.RunRoot, "runtime", id),
        options.CgroupManager,
        options.RuntimePaths.GetValueOrDefault(id) ?? [],
        options.HelperDirectory);
}
