using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Engine.Secrets;

/// <summary>Registers the secret service.</summary>
public static class SecretsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ISecretService"/>; needs EngineOptions and IEventLog.</summary>
    public static IServiceCollection AddModularSecrets(this IServiceCollection services)
    {
        services.TryAddSingleton<ISecretService, SecretService>();
        return services;
    }
}
