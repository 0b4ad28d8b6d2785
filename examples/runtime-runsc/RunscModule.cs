using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Contracts.Runtime;

namespace Modular.Examples.Runtime.Runsc;

/// <summary>Registers <see cref="RunscRuntime"/> for the id <c>runsc</c>.</summary>
public sealed class RunscModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        if (id != RunscRuntime.RuntimeId)
        {
            throw new InvalidInputException($"runtime plugin runsc does not provide \"{id}\"");
        }

        services.AddSingleton<IOciRuntime, RunscRuntime>();
    }
}
