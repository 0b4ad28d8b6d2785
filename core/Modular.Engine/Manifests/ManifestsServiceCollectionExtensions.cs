using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
