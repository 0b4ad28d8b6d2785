using Modular.Contracts.Plugins;
using Modular.Contracts.Storage;
using Modular.Engine.Archive;
using Modular.Plugins.Storage.Overlay.Native;
using Modular.Tests.Archive;

namespace Modular.Plugins.Storage.Tests;

/// <summary>
/// A throw-away store for one test: driver home and run home under a fresh temp directory,
/// plus a canary directory outside the store that hostile layers aim at. Dispose unmounts
/// every mount under the sandbox (even after a failed assertion) and deletes it.
/// </summary>
public sealed class StorageSandbox : IAsyncDisposable
{
    private StorageSandbox(IStorageDriver driver, string root)
    {
        Driver = driver;
        Root = root;
        Home = Path.Combine(root, "graph", driver.Id);
        RunHome = Path.Combine(root, "run", driver.Id);
        Canary = Path.Combine(root, "canary");
        Directory.CreateDirectory(Canary);
    }

    public IStorageDriver Driver { get; }

    public string Root { get; }

    /// <summary>The driver's home, <c>graph/&lt;id&gt;</c> (graphroot/&lt;id&gt; in the engine).</summary>
    public string Home { get; }

    /// <summary>The driver's run home, <c>run/&lt;id&gt;</c> (runroot/&lt;id&gt; in the engine).</summary>
    public string RunHome { get; }

    public string Canary { get; }

    public static async Task<StorageSandbox> CreateAsync(
        IStorageDriver driver,
        IReadOnlyDictionary<string, string>? driverOptions = null)
    {
        var root = Directory.CreateTempSubdirectory("modular-storage-test-").FullName;
        var sandbox = new StorageSandbox(driver, root);
        var options = new StorageDriverOptions(
            sandbox.Home,
            sandbox.RunHome,
            driverOptions ?? new Dictionary<string, string>(),
            Array.Empty<IdMapping>(),
            Array.Empty<IdMapping>());
        await driver.InitializeAsync(options, default);
        return sandbox;
    }

    /// <summary>Creates a layer on a parent and applies a tar through the engine's reader.</summary>
    public async Task LayerAsync(string id, string? parent, TestTar tar)
    {
        await Driver.CreateLayerAsync(id, parent, default);
        await using var stream = tar.ToStream();
        await Driver.ApplyAsync(id, LayerArchiveReader.ReadAsync(stream, default), default);
    }

    public bool CanaryIsEmpty() => !Directory.EnumerateFileSystemEntries(Canary).Any();

    /// <summary>The mount's per-mount options (field 6 of mountinfo), or null.</summary>
    public static string? MountOptions(string path) =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .FirstOrDefault(fields => fields[4] == path)?[5];

    public static bool IsMounted(string path) =>
        File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ')[4] == path);

    public ValueTask DisposeAsync()
    {
        var mounts = File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(path => path.StartsWith(Root + "/", StringComparison.Ordinal))
            .Reverse()
            .ToList();
        foreach (var mount in mounts)
        {
            // Detach: a failed test may leave a file open inside the view.
            Libc.umount2(mount, 2);
        }

        Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
