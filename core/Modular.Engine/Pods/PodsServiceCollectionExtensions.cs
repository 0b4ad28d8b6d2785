using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using Modular.Engine.Events;

namespace Modular.Engine.Pods;

/// <summary>Registers the pod service.</summary>
public static class PodsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IPodService"/>; needs EngineOptions and IContainerService.</summary>
    public static IServiceCollection AddModularPods(this IServiceCollection services)
    {
        services.TryAddSingleton<IPodService>(sp => new PodService(
            sp.GetRequiredService<EngineOptions>(),
            sp.GetRequiredService<IContainerService>(),
            sp.GetService<IEventLog>(),
            sp.GetService<IContainerControl>(),
            sp.GetService<Volumes.IVolumeService>()));
        return services;
    }
}
