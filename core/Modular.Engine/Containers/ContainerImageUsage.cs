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
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ContainerStore? _store;

    public async Task<IReadOnlyList<string>> ContainersUsingAsync(
        string imageId,
        CancellationToken cancellationToken)
    {
        if (await StoreAsync(cancellationToken) is not { } store)
        {
            return [];
        }

        var records = await store.ListAsync(cancellationToken);
        return records.Where(r => r.Config.ImageId == imageId).Select(r => r.Config.Id).ToList();
    }

    // Null while no container database exists: no container has ever been created here.
    private async Task<ContainerStore?> StoreAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_store is null && File.Exists(Path.Combine(options.GraphRoot, "modular.db")))
            {
                var store = new ContainerStore(options.GraphRoot);
                await store.InitializeAsync(cancellationToken);
                _store = store;
            }

            return _store;
        }
        finally
        {
            _gate.Release();
        }
    }
}
