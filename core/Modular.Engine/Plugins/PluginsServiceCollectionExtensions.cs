using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Storage;

namespace Modular.Engine.Plugins;

/// <summary>Registers the plugin host and the backends it loads on demand.</summary>
public static class PluginsServiceCollectionExtensions
{
    public static IServiceCollection AddModularPlugins(this IServiceCollection services)
    {
        services.AddSingleton<PluginHost>();
        services.AddSingleton<IRuntimeRegistry, RuntimeRegistry>();
        services.AddSingleton<StorageDriverProvider>();
        services.AddSingleton<CheckpointerProvider>();

        // DI factories are synchronous; prefer StorageDriverProvider.GetAsync in async code.
        // Blocking here is safe: the CLI has no synchronization context, and Task.Run keeps
        // the driver's initialization off any caller's context.
        services.AddSingleton<IStorageDriver>(provider =>
        {
            var drivers = provider.GetRequiredService<StorageDriverProvider>();
            return Task.Run(() => drivers.GetAsync(CancellationToken.None)).GetAwaiter().GetResult();
        });
        return services;
    }
}
