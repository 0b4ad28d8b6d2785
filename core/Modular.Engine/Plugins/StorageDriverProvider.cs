using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Contracts.Storage;
using Modular.Engine.Configuration;

namespace Modular.Engine.Plugins;

/// <summary>
/// The storage driver chosen by configuration, loaded and initialized once. A store keeps
/// the driver it was populated with: the first use records it in <c>graphroot/driver</c>, and
/// a later process configured with another driver is refused, naming both, as Podman does.
/// </summary>
public sealed class StorageDriverProvider(PluginHost host, EngineOptions options)
{
    private const string DriverRecordFile = "driver";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IStorageDriver? _driver;

    /// <exception cref="InvalidInputException">Unknown driver, or not the store's driver.</exception>
    /// <exception cref="BackendException">The plugin failed to load.</exception>
    public async Task<IStorageDriver> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _driver ??= await CreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Refuses, before a command touches the store, a driver nobody provides or one that
    /// differs from the store's, as Podman refuses every command up front. Costs one small
    /// file read when the configured driver is the store's (no manifest is read then).
    /// </summary>
    /// <exception cref="InvalidInputException">Unknown driver, or not the store's driver.</exception>
    public void Validate()
    {
        var id = options.StorageDriver;
        if (ReadRecordedDriver() == id)
        {
            return;
        }

        if (!host.Catalog.IdsOf(PluginKind.Storage).Contains(id))
        {
            throw host.Catalog.SkippedFor(PluginKind.Storage, id) is { Reason: { } reason }
                ? new BackendException(reason)
                : Unknown(id);
        }

        RefuseDriverMismatch(id);
    }

    private async Task<IStorageDriver> CreateAsync(CancellationToken cancellationToken)
    {
        var id = options.StorageDriver;
        Validate();

        var driver = host.Load<IStorageDriver>(PluginKind.Storage, id) ?? throw Unknown(id);
        var driverOptions = new StorageDriverOptions(
            Path.Combine(options.GraphRoot, id),
            Path.Combine(options.RunRoot, id),
            options.StorageOptions,
            [],
            []);
        await driver.InitializeAsync(driverOptions, cancellationToken);

        await RecordDriverAsync(id, cancellationToken);
        return driver;
    }

    private void RefuseDriverMismatch(string id)
    {
        var recorded = ReadRecordedDriver();
        if (recorded is not null && recorded != id)
        {
            // Podman's wording (libpod validateDBAgainstConfig), so scripts match either tool.
            throw new InvalidInputException(
                $"database graph driver \"{recorded}\" does not match our graph driver \"{id}\": "
                + "database configuration mismatch");
        }
    }

    private string? ReadRecordedDriver()
    {
        var path = Path.Combine(options.GraphRoot, DriverRecordFile);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    // Written through a temporary file and a rename so a concurrent reader sees all or nothing.
    private async Task RecordDriverAsync(string id, CancellationToken cancellationToken)
    {
        if (ReadRecordedDriver() is not null)
        {
            return;
        }

        Directory.CreateDirectory(options.GraphRoot);
        var path = Path.Combine(options.GraphRoot, DriverRecordFile);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temporary, id + "\n", cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private InvalidInputException Unknown(string id)
    {
        var installed = host.Catalog.IdsOf(PluginKind.Storage);
        return installed.Count == 0
            ? new InvalidInputException($"unknown storage driver \"{id}\": no storage plugins are installed")
            : new InvalidInputException(
                $"unknown storage driver \"{id}\": installed drivers are {string.Join(", ", installed)}");
    }
}
