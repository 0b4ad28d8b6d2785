using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.Engine.Archive;
using Modular.Engine.Manifests;
using Modular.Engine.Images.Transports;

namespace Modular.Engine.Images;

/// <summary>
/// Registers the image services. They need <see cref="Configuration.EngineOptions"/> and
/// logging from the kernel; the storage driver is resolved only when a layer is written
/// or mounted (see <see cref="StorageDriverAccess"/>), so listing and inspecting load no
/// plugin. <see cref="IImageUsage"/> defaults to "no containers" until the containers
/// work registers its own (TryAdd, so either order works).
/// </summary>
public static class ImagesServiceCollectionExtensions
{
    public static IServiceCollection AddModularImages(this IServiceCollection services)
    {
        services.TryAddSingleton<LayerEntryReader>(_ => LayerArchiveReader.ReadAsync);
        services.TryAddSingleton<IImageUsage, NoImageUsage>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<ReadOnlyImageStores>();
        services.AddSingleton<ImageEvents>();
        services.AddSingleton<StorageDriverAccess>();
        services.AddSingleton<LayerBlobs>();
        services.AddSingleton<ImageWriter>();
        services.AddSingleton<ImagePuller>();
        services.AddSingleton<ImagePusher>();
        services.TryAddSingleton<IImagePusher>(sp => sp.GetRequiredService<ImagePusher>());
        services.AddSingleton<Registry.RegistryLogins>();
        services.AddSingleton<Registry.ImageSearch>();
        services.AddSingleton<ImageArchiveLoader>();
        services.AddSingleton<IImageService, ImageService>();
        services.AddSingleton<ILayerStore, LayerStore>();
        services.AddModularImageTransports();
        services.AddModularManifests();
        return services;
    }
}
