using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Contracts.Plugins;
using Modular.Plugins.Network.Cni.Cni;
using Modular.Plugins.Network.Cni.Netavark;

namespace Modular.Plugins.Network.Cni;

/// <summary>Registers the network backend for the selected id: <c>netavark</c> or <c>cni</c>.</summary>
public sealed class NetworkModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        switch (id)
        {
            case NetavarkBackend.BackendId:
                services.AddSingleton<INetworkBackend, NetavarkBackend>();
                break;
            case CniBackend.BackendId:
                services.AddSingleton<INetworkBackend, CniBackend>();
                break;
            default:
                throw new InvalidInputException(
                    $"network plugin provides netavark and cni, not \"{id}\"");
        }
    }
}
