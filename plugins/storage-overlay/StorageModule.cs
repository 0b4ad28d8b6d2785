using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Contracts.Storage;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>Registers the storage driver for the selected id: <c>overlay</c> or <c>vfs</c>.</summary>
public sealed class StorageModule : IPluginModule
{
    public void Register(IServiceCollection services, string id)
    {
        switch (id)
        {
            case "overlay":
                services.AddSingleton<IStorageDriver, OverlayDriver>();
                break;
            case "vfs":
                services.AddSingleton<IStorageDriver, VfsDriver>();
                break;
            default:
                throw new InvalidInputException(
                    $"storage plugin provides overlay and vfs, not {Quoted.Of(id)}");
        }
    }
}
