using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Engine.Commit;

/// <summary>Registers <c>commit</c>'s services; they need the image and container services.</summary>
public static class CommitServiceCollectionExtensions
{
    public static IServiceCollection AddModularCommit(this IServiceCollection services)
    {
        services.TryAddSingleton<LayerCapture>();
        services.TryAddSingleton<ImageComposer>();
        services.TryAddSingleton<ContainerCommitter>();
        services.TryAddSingleton<IContainerCommitter>(sp => sp.GetRequiredService<ContainerCommitter>());
        return services;
    }
}
