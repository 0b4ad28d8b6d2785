using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.Engine.Images;
using Modular.Engine.Networks;

namespace Modular.Engine.Containers;

/// <summary>Registers the container services.</summary>
public static class ContainersServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IContainerService"/>. Needs EngineOptions, IRuntimeRegistry, IEventLog
    /// and logging from the host; ILayerStore and IImageService when containers use images.
    /// </summary>
    public static IServiceCollection AddModularContainers(this IServiceCollection services)
    {
        services.TryAddSingleton(new ContainerServiceOptions());
        services.TryAddSingleton<ContainerService>();
        services.TryAddSingleton<IContainerService>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<IContainerHealth>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<IContainerResources>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<IContainerControl>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<IContainerAttach>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<IContainerCheckpoints>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<IContainerDependents>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<IContainerSizes, ContainerSizes>();

        // The container service rewires containers for the network commands; it replaces
        // the networks' stand-in that refuses them, whichever was added first.
        services.RemoveAll<INetworkContainers>();
        services.AddSingleton<INetworkContainers>(sp => sp.GetRequiredService<ContainerService>());
        services.TryAddSingleton<ForcedImageRemoval>();

        // Replaces the images' default of "no containers", whichever was added first.
        services.RemoveAll<IImageUsage>();
        services.AddSingleton<IImageUsage, ContainerImageUsage>();
        return services;
    }
}
