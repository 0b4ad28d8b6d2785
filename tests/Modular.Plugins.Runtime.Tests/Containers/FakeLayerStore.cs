using System.Collections.Concurrent;
using Modular.Engine.Images;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>
/// Stands in for the images helper's layer store: a container layer is a plain copy of the
/// busybox rootfs, and every call is recorded so tests can check the engine's order.
/// </summary>
public sealed class FakeLayerStore(string directory, string parentRootfs) : ILayerStore
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task CreateContainerLayerAsync(string layerId, string? parentLayerId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"create {parentLayerId}");
        Copy(parentRootfs, PathOf(layerId));
        return Task.CompletedTask;
    }

    public Task<string> MountAsync(string layerId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("mount");
        return Task.FromResult(PathOf(layerId));
    }

    public Task UnmountAsync(string layerId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("unmount");
        return Task.CompletedTask;
    }

    public Task RemoveContainerLayerAsync(string layerId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("remove");
        if (Directory.Exists(PathOf(layerId)))
        {
            Directory.Delete(PathOf(layerId), recursive: true);
        }

        return Task.CompletedTask;
    }

    public string PathOf(string layerId) => Path.Combine(directory, layerId[..12]);

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(destination, link);
            }
            else if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }
}
