using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Engine.Maintenance;

/// <summary>Registers system df and system prune.</summary>
public static class MaintenanceServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ISystemMaintenance"/>; needs the image, container, pod, network and volume services.</summary>
    public static IServiceCollection AddModularMaintenance(this IServiceCollection services)
    {
        services.TryAddSingleton<ISystemMaintenance, SystemMaintenance>();
        return services;
    }
}
