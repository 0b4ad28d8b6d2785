using Modular.Engine.Configuration;
using Modular.Engine.Images;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// Tells <c>rmi</c> and <c>images</c> which containers stand on an image, from the
/// container database. It reads the store directly rather than through IContainerService,
/// which itself depends on the image service. The store is opened (and its schema checked)
/// once per process: <c>images</c> asks once per image.
/// </summary>
internal sealed class ContainerImageUsage(EngineOptions options) : IImageUsage
{
    private readonly ExistingContainerStore _existing = new(options);

    public async Task<IReadOnlyList<string>> ContainersUsingAsync(
        string imageId,
        CancellationToken cancellationToken)
    {
        if (await _existing.OpenAsync(cancellationToken) is not { } store)
        {
            return [];
        }

        var records = await store.ListAsync(cancellationToken);
        return records.Where(r => r.Config.ImageId == imageId).Select(r => r.Config.Id).ToList();
    }
}
