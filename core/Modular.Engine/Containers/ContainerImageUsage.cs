using Modular.Engine.Configuration;
using Modular.Engine.Images;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// Tells <c>rmi</c> which containers stand on an image, from the container database. It
/// reads the store directly rather than through IContainerService, which itself depends
/// on the image service.
/// </summary>
internal sealed class ContainerImageUsage(EngineOptions options) : IImageUsage
{
    public async Task<IReadOnlyList<string>> ContainersUsingAsync(
        string imageId,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(options.GraphRoot, "modular.db")))
        {
            return [];
        }

        var store = new ContainerStore(options.GraphRoot);
        await store.InitializeAsync(cancellationToken);
        var records = await store.ListAsync(cancellationToken);
        return records.Where(r => r.Config.ImageId == imageId).Select(r => r.Config.Id).ToList();
    }
}
