using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Contracts.Runtime;

namespace Modular.Plugins.Runtime.Recording;

/// <summary>Registers the <c>recording</c> runtime, the only id this test plugin provides.</summary>
public sealed class RecordingModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        if (id != RecordingRuntime.RuntimeId)
        {
            throw new InvalidInputException($"runtime plugin \"recording\" does not provide \"{id}\"");
        }

        services.AddSingleton<IOciRuntime, RecordingRuntime>();
    }
}
