using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using Modular.Engine.Pods;
using Modular.Engine.Volumes;

namespace Modular.Engine.Kube;

/// <summary>Registers <see cref="IKubeGenerator"/> over the engine's own services.</summary>
public static class KubeServiceCollectionExtensions
{
    public static IServiceCollection AddModularKube(this IServiceCollection services)
    {
        services.TryAddSingleton<IKubeGenerator>(sp => new KubeGenerator(
            sp.GetRequiredService<EngineOptions>(),
            sp.GetRequiredService<IContainerService>(),
            sp.GetRequiredService<IPodService>(),
            sp.GetRequiredService<IImageService>(),
            sp.GetRequiredService<IVolumeService>()));
        return services;
    }
}
