using Modular.Engine.Configuration;

namespace Modular.Engine.State;

/// <summary>
/// The container database for readers that must not create it (which images and networks
/// containers use): opened, and its schema checked, once per process, and null while no
/// database exists, since then no container was ever created here.
/// </summary>
internal sealed class ExistingContainerStore(EngineOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ContainerStore? _store;

    public async Task<ContainerStore?> OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_store is null && File.Exists(ContainerStore.DatabasePathIn(options.DatabaseRoot)))
            {
                var store = new ContainerStore(options.DatabaseRoot);
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
