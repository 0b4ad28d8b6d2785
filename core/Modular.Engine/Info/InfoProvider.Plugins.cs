using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Contracts.Plugins;

namespace Modular.Engine.Info;

public sealed partial class InfoProvider
{
    /// <summary>
    /// Loads the selected network plugin, as host and store already loaded the selected
    /// runtime and storage driver, so <c>modularPlugins</c> shows each selected plugin as
    /// loaded or failed, never merely available. Loading runs no backend program.
    /// </summary>
    private void LoadSelectedNetworkPlugin()
    {
        var id = options.Networking.NetworkBackend;
        try
        {
            plugins.Load<INetworkBackend>(PluginKind.Network, id);
        }
        catch (ModularException e)
        {
            // The host recorded the failure (or skip) for modularPlugins; info itself succeeds.
            Log.BackendUnavailable(logger, "network", id, e.Message);
        }
    }
}
