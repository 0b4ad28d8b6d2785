using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modular.Engine.Commit;

namespace Modular.Engine.Build;

/// <summary>Registers <c>build</c> and <c>commit</c>; they need the image and container services.</summary>
public static class BuildServiceCollectionExtensions
{
    public static IServiceCollection AddModularBuild(this IServiceCollection services)
    {
        services.AddModularCommit();
        services.TryAddSingleton<LayerCache>();
        services.TryAddSingleton<BuildExecutor>();
        services.TryAddSingleton<IImageBuilder>(sp => sp.GetRequiredService<BuildExecutor>());
        return services;
    }
}
