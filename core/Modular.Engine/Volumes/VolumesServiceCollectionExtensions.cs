using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Engine.Volumes;

/// <summary>Registers the volume services.</summary>
public static class VolumesServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IVolumeService"/>; needs EngineOptions and IContainerService.</summary>
    public static IServiceCollection AddModularVolumes(this IServiceCollection services)
    {
        services.TryAddSingleton<IVolumeService, VolumeService>();
        return services;
    }
}
