using System.Runtime.InteropServices;
using Modular.Contracts.Plugins;
using Modular.Contracts.Storage;

namespace Modular.Conformance.Storage;

/// <summary>
/// A throw-away store for one storage-driver test: driver home and run home under a fresh temp directory,
/// plus a canary directory outside the store that hostile layers aim at. Dispose unmounts
/// every mount under the sandbox (even after a failed assertion) and deletes it.
/// </summary>
public sealed class StorageSandbox : IAsyncDisposable
{
    // umount2's MNT_DETACH.
    private const int DetachFlag = 2;

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

    /// <summary>Creates a layer on a parent and applies the entries, as the engine would.</summary>
    public Task LayerAsync(string id, string? parent, LayerBuilder layer) =>
        ApplyAsync(id, parent, layer.ToAsyncEnumerable());

    /// <summary>Creates a layer on a parent and applies an entry stream.</summary>
    public async Task ApplyAsync(string id, string? parent, IAsyncEnumerable<LayerEntry> entries)
    {
        await Driver.CreateLayerAsync(id, parent, default);
        await Driver.ApplyAsync(id, entries, default);
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
            _ = Umount2(mount, DetachFlag);
        }

        Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }

    [DllImport("libc", EntryPoint = "umount2", SetLastError = true)]
    private static extern int Umount2(string target, int flags);
}
