using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.Engine.Images;

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
        services.TryAddSingleton<ForcedImageRemoval>();

        // Replaces the images' default of "no containers", whichever was added first.
        services.RemoveAll<IImageUsage>();
        services.AddSingleton<IImageUsage, ContainerImageUsage>();
        return services;
    }
}
