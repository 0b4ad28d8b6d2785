using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Modular.Contracts.Storage;

namespace Modular.Engine.Tests.Images;

/// <summary>
/// Stands in for the overlay/vfs plugin, which is built in another project: keeps each
/// layer's entry paths in memory so tests can see exactly which layers exist.
/// </summary>
public sealed class FakeStorageDriver : IStorageDriver
{
    public ConcurrentDictionary<string, List<string>> Layers { get; } = new();

    public string Id => "vfs";

    public IReadOnlyDictionary<string, string> Status => new Dictionary<string, string>();

    public Task InitializeAsync(StorageDriverOptions options, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task CreateLayerAsync(string id, string? parentId, CancellationToken cancellationToken)
    {
        Layers[id] = [];
        return Task.CompletedTask;
    }

    public async Task<long> ApplyAsync(
        string id,
        IAsyncEnumerable<LayerEntry> entries,
        CancellationToken cancellationToken)
    {
        long bytes = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            Layers[id].Add(entry.Path);
            if (entry.Content is { } content)
            {
                bytes += await content.CopyToCountAsync(cancellationToken);
            }
        }

        return bytes;
    }

    public Task<string> MountAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult($"/fake/{id}");

    public Task UnmountAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<LayerEntry> DiffAsync(
        string id,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        Layers.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}

internal static class StreamCounting
{
    public static async Task<long> CopyToCountAsync(this Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += n;
        }

        return total;
    }
}
