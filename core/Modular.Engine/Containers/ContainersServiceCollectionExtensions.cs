using Microsoft.Extensions.DependencyInjection;

namespace Modular.Engine.Containers;

/// <summary>Registers the container services. Stub; the containers work fills it in.</summary>
public static class ContainersServiceCollectionExtensions
{
    public static IServiceCollection AddModularContainers(this IServiceCollection services) => services;
}
