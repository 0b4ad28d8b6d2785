using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// The roots one cp touches: the host's "/" and each named container's mounted layer. A
/// container that is not running is unmounted again afterwards, as export does.
/// </summary>
internal sealed class CopyMounts(IContainerService containers, ILayerStore layers) : IAsyncDisposable
{
    private readonly List<(ContainerInfo Container, RootDirectory Root)> _mounted = [];

    public async Task<CopyEndpoint> EndpointAsync(
        string? container,
        string path,
        CancellationToken cancellationToken)
    {
        if (container is null)
        {
            var host = RootDirectory.Open("/");
            _mounted.Add((null!, host));
            var absolute = path == "-" ? path : Path.GetFullPath(path);
            return new CopyEndpoint(host, null, absolute, (Syscalls.EffectiveUser(), Syscalls.EffectiveGroup()));
        }

        var info = await ResolveAsync(container, cancellationToken);
        var mountPoint = await layers.MountAsync(info.Id, cancellationToken);
        var root = RootDirectory.Open(mountPoint);
        _mounted.Add((info, root));
        var inspect = await containers.InspectAsync(info.Id, cancellationToken);
        var user = inspect["Config"]?["User"]?.GetValue<string>();
        var absolutePath = path.StartsWith('/') ? path : (ContainerCopier.WorkingDir(inspect) ?? "/") + "/" + path;
        return new CopyEndpoint(root, container, absolutePath, ContainerUser.Resolve(root, user));
    }

    private async Task<ContainerInfo> ResolveAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            return await containers.ResolveAsync(container, cancellationToken);
        }
        catch (NotFoundException e)
        {
            throw new NotFoundException($"container \"{container}\" does not exist", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (container, root) in _mounted)
        {
            root.Dispose();
            if (container is not null && container.State is not ("running" or "paused"))
            {
                // Its own timeout: a cancelled copy must still drop its mount.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await layers.UnmountAsync(container.Id, timeout.Token);
            }
        }
    }
}
