using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Contracts.Runtime;

namespace Modular.Plugins.Runtime.Runc;

/// <summary>Registers <see cref="RuncRuntime"/> for the id <c>runc</c>.</summary>
public sealed class RuncModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        if (id != RuncRuntime.RuntimeId)
        {
            throw new InvalidInputException($"runtime plugin runc does not provide \"{id}\"");
        }

        services.AddSingleton<IOciRuntime, RuncRuntime>();
    }
}
