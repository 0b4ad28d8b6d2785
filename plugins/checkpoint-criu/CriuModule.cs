using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Checkpoint;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;

namespace Modular.Plugins.Checkpoint.Criu;

/// <summary>Registers <see cref="CriuCheckpointer"/> for the id <c>criu</c>.</summary>
public sealed class CriuModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        if (id != CriuCheckpointer.CheckpointerId)
        {
            throw new InvalidInputException($"checkpointer plugin criu does not provide \"{id}\"");
        }

        services.AddSingleton<ICheckpointer>(_ => new CriuCheckpointer());
    }
}
