using Modular.Contracts.Runtime;

namespace Modular.Engine.Plugins;

/// <summary>
/// OCI runtimes by id. A container keeps the runtime it was created with, so the engine
/// asks for a runtime by id rather than taking one from the container of services. Only
/// the plugin providing the requested id is loaded, on the first request.
/// </summary>
public interface IRuntimeRegistry
{
    /// <summary>The ids the installed manifests offer, without loading any plugin.</summary>
    IReadOnlyList<string> InstalledIds { get; }

    /// <summary>The runtime for <paramref name="id"/>, loading its plugin if needed.</summary>
    /// <exception cref="Contracts.Errors.InvalidInputException">
    /// Unknown id; the one-line message lists the installed ones.
    /// </exception>
    IOciRuntime Get(string id);
}
