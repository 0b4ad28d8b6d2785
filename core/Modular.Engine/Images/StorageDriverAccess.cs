using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Storage;
using Modular.Engine.Configuration;

namespace Modular.Engine.Images;

/// <summary>
/// Resolves the storage driver only when an operation writes or mounts layers, so
/// <c>images</c> and <c>inspect</c> never load a storage plugin, and initialises it once.
/// </summary>
public sealed class StorageDriverAccess(IServiceProvider services, EngineOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IStorageDriver? _driver;

    /// <summary>The selected driver, initialised under graphroot/&lt;id&gt; and runroot/&lt;id&gt;.</summary>
    public async Task<IStorageDriver> GetAsync(CancellationToken cancellationToken)
    {
        if (_driver is not null)
        {
            return _driver;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_driver is null)
            {
                var driver = services.GetRequiredService<IStorageDriver>();
                await driver.InitializeAsync(OptionsFor(driver.Id), cancellationToken);
                _driver = driver;
            }

            return _driver;
        }
        finally
        {
            _gate.Release();
        }
    }

    private StorageDriverOptions OptionsFor(string id) => new(
        Path.Combine(options.GraphRoot, id),
        Path.Combine(options.RunRoot, id),
        options.StorageOptions,
        [],
        [],
        [.. options.AdditionalImageStores.Select(root => Path.Combine(root, id))]);
}
