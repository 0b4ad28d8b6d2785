using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Images;

namespace Modular.Engine.Info;

public sealed partial class InfoProvider
{
    // The counts come from the services when they are registered; a store that cannot be read
    // yet (no database, services still stubs) counts as empty rather than failing info.
    private async Task<(int Running, int Paused, int Stopped)> CountContainersAsync(
        CancellationToken cancellationToken)
    {
        var containers = services.GetService<IContainerService>();
        if (containers is null)
        {
            return (0, 0, 0);
        }

        try
        {
            var all = await containers.ListAsync(all: true, cancellationToken);
            var running = all.Count(c => c.State == "running");
            var paused = all.Count(c => c.State == "paused");
            return (running, paused, all.Count - running - paused);
        }
        catch (Exception e) when (e is ModularException or NotImplementedException)
        {
            return (0, 0, 0);
        }
    }

    private async Task<int> CountImagesAsync(CancellationToken cancellationToken)
    {
        var images = services.GetService<IImageService>();
        if (images is null)
        {
            return 0;
        }

        try
        {
            return (await images.ListAsync(all: false, cancellationToken)).Count;
        }
        catch (Exception e) when (e is ModularException or NotImplementedException)
        {
            return 0;
        }
    }
}
