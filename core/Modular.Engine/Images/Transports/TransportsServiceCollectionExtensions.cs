using Microsoft.Extensions.DependencyInjection;

namespace Modular.Engine.Images.Transports;

/// <summary>Registers <see cref="IImageTransports"/> and the readers and writers behind it.</summary>
public static class TransportsServiceCollectionExtensions
{
    public static IServiceCollection AddModularImageTransports(this IServiceCollection services)
    {
        services.AddSingleton<StoredImageReader>();
        services.AddSingleton<LayerExporter>();
        services.AddSingleton<ImageExportPlanner>();
        services.AddSingleton<DirectoryTransportWriter>();
        services.AddSingleton<OciLayoutWriter>();
        services.AddSingleton<DockerArchiveWriter>();
        services.AddSingleton<IImageTransports, ImageTransports>();
        services.AddSingleton<TarballImporter>();
        services.AddSingleton<Management.ImageHistoryReader>();
        services.AddSingleton<Management.ImagePruner>();
        services.AddSingleton<Management.ImageTreeRenderer>();
        services.AddSingleton<Management.ImageMounter>();
        services.AddSingleton<Containers.Export.ContainerExporter>();
        services.AddSingleton<Containers.Copy.ContainerCopier>();
        services.AddSingleton<Containers.Copy.IContainerCopier>(
            sp => sp.GetRequiredService<Containers.Copy.ContainerCopier>());
        services.AddSingleton<Containers.Diff.LayerChanges>();
        services.AddSingleton<Containers.Checkpoints.CheckpointArchive>();
        services.AddSingleton<Containers.Checkpoints.CheckpointImageWriter>();
        services.AddSingleton<Containers.Checkpoints.CheckpointImageReader>();
        return services;
    }
}
