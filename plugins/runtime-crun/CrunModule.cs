using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Contracts.Runtime;

namespace Modular.Plugins.Runtime.Crun;

/// <summary>Registers <see cref="CrunRuntime"/> for the id <c>crun</c>.</summary>
public sealed class CrunModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        if (id != CrunRuntime.RuntimeId)
        {
            throw new InvalidInputException($"runtime plugin crun does not provide \"{id}\"");
        }

        services.AddSingleton<IOciRuntime, CrunRuntime>();
    }
}
