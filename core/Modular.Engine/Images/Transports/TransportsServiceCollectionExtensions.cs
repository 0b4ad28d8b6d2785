using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSingleton<Containers.Checkpoints.CheckpointRunner>();
        return services.AddRemotableInterfaces();
    }

    /// <summary>The interfaces the CLI resolves; the remote client offers its own.</summary>
    private static IServiceCollection AddRemotableInterfaces(this IServiceCollection services)
    {
        services.TryAddSingleton<ITarballImporter>(sp => sp.GetRequiredService<TarballImporter>());
        services.TryAddSingleton<Management.IImageHistoryReader>(
            sp => sp.GetRequiredService<Management.ImageHistoryReader>());
        services.TryAddSingleton<Management.IImagePruner>(sp => sp.GetRequiredService<Management.ImagePruner>());
        services.TryAddSingleton<Management.IImageTreeRenderer>(
            sp => sp.GetRequiredService<Management.ImageTreeRenderer>());
        services.TryAddSingleton<Containers.Export.IContainerExporter>(
            sp => sp.GetRequiredService<Containers.Export.ContainerExporter>());
        services.TryAddSingleton<Containers.Diff.ILayerChanges>(
            sp => sp.GetRequiredService<Containers.Diff.LayerChanges>());
        services.TryAddSingleton<Containers.Checkpoints.ICheckpointRunner>(
            sp => sp.GetRequiredService<Containers.Checkpoints.CheckpointRunner>());
        return services;
    }
}
