using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Engine.Manifests;

/// <summary>Registers the manifest-list services; they need the image services.</summary>
public static class ManifestsServiceCollectionExtensions
{
    public static IServiceCollection AddModularManifests(this IServiceCollection services)
    {
        services.AddSingleton<ManifestListStore>();
        services.AddSingleton<ManifestInstanceReader>();
        services.AddSingleton<ManifestListService>();
        services.AddSingleton<ManifestListPusher>();
        services.TryAddSingleton<IManifestListService>(sp => sp.GetRequiredService<ManifestListService>());
        services.TryAddSingleton<IManifestListPusher>(sp => sp.GetRequiredService<ManifestListPusher>());
        return services;
    }
}
