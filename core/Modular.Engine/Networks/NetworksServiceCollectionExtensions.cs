using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Engine.Networks;

/// <summary>Registers the network service.</summary>
public static class NetworksServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="INetworkService"/> (backend loaded on first use) and, unless the
    /// container integration registered its own, <see cref="UnwiredNetworkContainers"/>
    /// as <see cref="INetworkContainers"/>. Needs EngineOptions, PluginHost and logging;
    /// IEventLog when registered.
    /// </summary>
    public static IServiceCollection AddModularNetworks(this IServiceCollection services)
    {
        services.TryAddSingleton<NetworkBackendProvider>();
        services.TryAddSingleton<IHostInterfaces, HostInterfaces>();
        services.TryAddSingleton<NetworkUsage>();
        services.TryAddSingleton<NetworkService>();
        services.TryAddSingleton<INetworkService>(p => p.GetRequiredService<NetworkService>());
        services.TryAddSingleton<INetworkContainers, UnwiredNetworkContainers>();
        return services;
    }
}
