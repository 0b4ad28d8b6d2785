using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Hooks;
using Modular.Contracts.Plugins;

namespace Modular.Plugins.Runtime.Recording;

/// <summary>
/// Registers the <c>recording</c> hook provider. The shipped manifest offers only the
/// runtime; tests install this same assembly a second time with a hook-provider manifest
/// naming this module, to prove that hook plugins are loaded and told about events.
/// </summary>
public sealed class RecordingHookModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        if (id != RecordingHookProvider.ProviderId)
        {
            throw new InvalidInputException($"hook plugin \"recording\" does not provide \"{id}\"");
        }

        services.AddSingleton<IHookProvider, RecordingHookProvider>();
    }
}
