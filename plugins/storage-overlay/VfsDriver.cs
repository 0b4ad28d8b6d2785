using System.Runtime.CompilerServices;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// storage.vfs: each layer is a full directory copy of its parent under
/// <c>&lt;home&gt;/dir/&lt;id&gt;</c>. Slow and large, but needs no kernel support. A parent
/// may sit in a read-only image store's home; it is then only copied or compared, never
/// written.
/// </summary>
public sealed class VfsDriver : IStorageDriver
{
    private string _home = string.Empty;
    private IReadOnlyList<string> _readOnlyHomes = [];

    public string Id => "vfs";

    public IReadOnlyDictionary<string, string> Status => new Dictionary<string, string>
    {
        ["Backing Filesystem"] = _home.Length == 0 ? "unknown" : BackingFilesystem.Name(_home),
    };

    public Task InitializeAsync(StorageDriverOptions options, CancellationToken cancellationToken)
    {
        _home = options.Home;
        _readOnlyHomes = options.ReadOnlyHomes ?? [];
        Directory.CreateDirectory(Path.Combine(_home, "dir"));
        Directory.CreateDirectory(Path.Combine(_home, "parents"));
        // vfs keeps no mount counts; the run home is made anyway so both drivers leave
        // the same store layout behind them.
        Directory.CreateDirectory(options.RunHome);
        return Task.CompletedTask;
    }

    public async Task CreateLayerAsync(
        string id,
        string? parentId,
        CancellationToken cancellationToken)
    {
        var layer = LayerDirectory(id);
        if (Directory.Exists(layer))
        {
            throw new AlreadyExistsException($"vfs layer {id} already exists");
        }

        Directory.CreateDirectory(layer);
        if (parentId is null)
        {
            return;
        }

        await File.WriteAllTextAsync(ParentFile(id), parentId, cancellationToken);
        // cp -a keeps owners, modes, times, hard links, devices and xattrs in one pass.
        var copy = await Cli.Wrap("cp")
            .WithArguments(["-a", "--", ReadableLayer(parentId) + "/.", layer + "/"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (copy.ExitCode != 0)
        {
            throw new BackendException(
                $"vfs: copying layer {parentId} to {id} failed: {copy.StandardError.Trim()}");
        }
    }

    public async Task<long> ApplyAsync(
        string id,
        IAsyncEnumerable<LayerEntry> entries,
        CancellationToken cancellationToken)
    {
        var writer = new LayerWriter(new LayerView([ExistingLayer(id)], overlayForm: false));
        await writer.ApplyAsync(entries, cancellationToken);
        return writer.BytesWritten;
    }

    public Task<string> MountAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(ExistingLayer(id));

    public Task UnmountAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<LayerEntry> DiffAsync(
        string id,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parentFile = Readable(Path.Combine("parents", LayerId.Check(id)));
        var parent = File.Exists(parentFile)
            ? ReadableLayer(await File.ReadAllTextAsync(parentFile, cancellationToken))
            : null;
        foreach (var entry in VfsDiff.Compare(ReadableLayer(id), parent, string.Empty))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
            entry.Content?.Dispose();
        }
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        NodeWriter.Remove(LayerDirectory(id));
        NodeWriter.Remove(ParentFile(id));
        return Task.CompletedTask;
    }

    private string ExistingLayer(string id)
    {
        var layer = LayerDirectory(id);
        return FileStat.Lstat(layer) is { IsDirectory: true }
            ? layer
            : throw new NotFoundException($"vfs layer {id} not found");
    }

    /// <summary>The layer here, else in the first read-only home that has it.</summary>
    private string ReadableLayer(string id)
    {
        var layer = Readable(Path.Combine("dir", LayerId.Check(id)));
        return FileStat.Lstat(layer) is { IsDirectory: true }
            ? layer
            : throw new NotFoundException($"vfs layer {id} not found");
    }

    private string Readable(string relative) =>
        _readOnlyHomes.Prepend(_home).Select(home => Path.Combine(home, relative))
            .FirstOrDefault(path => FileStat.Lstat(path) is not null)
        ?? Path.Combine(_home, relative);

    private string LayerDirectory(string id) => Path.Combine(_home, "dir", LayerId.Check(id));

    private string ParentFile(string id) => Path.Combine(_home, "parents", LayerId.Check(id));
}
