using System.Text.Json.Nodes;
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
        bool reading,
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
        var bound = info.State is "running" or "paused" ? BoundFiles(inspect) : null;
        var endpoint = new CopyEndpoint(root, container, absolutePath, ContainerUser.Resolve(root, user), BoundFiles: bound);
        return (reading ? OntoBoundFile(endpoint) : null) ?? OntoVolume(endpoint, VolumeMounts(inspect));
    }

    /// <summary>
    /// A running container sees the engine's own files (hosts, resolv.conf, hostname,
    /// .containerenv) bound over the placeholders in its layer; reads of those paths read the
    /// bound file, as the container would. Writes onto them are refused by the copier.
    /// </summary>
    private CopyEndpoint? OntoBoundFile(CopyEndpoint endpoint)
    {
        if (endpoint.BoundFile(InContainer(endpoint.Root, endpoint.Path)) is not { } hostFile
            || endpoint.Path.EndsWith('/'))
        {
            return null;
        }

        var directory = RootDirectory.Open(Path.GetDirectoryName(hostFile)!);
        _mounted.Add((null!, directory));
        return endpoint with { Root = directory, Path = "/" + Path.GetFileName(hostFile), BoundFiles = null };
    }

    private static Dictionary<string, string>? BoundFiles(JsonObject inspect)
    {
        var hostname = inspect["HostnamePath"]?.GetValue<string>();
        var files = new Dictionary<string, string?>
        {
            ["/etc/hosts"] = inspect["HostsPath"]?.GetValue<string>(),
            ["/etc/resolv.conf"] = inspect["ResolvConfPath"]?.GetValue<string>(),
            ["/etc/hostname"] = hostname,
            ["/run/.containerenv"] = hostname is null ? null : Path.Combine(Path.GetDirectoryName(hostname)!, ".containerenv"),
        };
        return files.Where(f => f.Value is { Length: > 0 } && File.Exists(f.Value))
            .ToDictionary(f => f.Key, f => f.Value!);
    }

    /// <summary>
    /// A path below a volume or bind-mounted directory is copied in that directory on the host,
    /// as Podman does: the layer underneath is not what the container sees there. The path is
    /// first resolved in the container's root (a symlink may lead into the volume), and the rest
    /// is resolved inside the volume as its own root.
    /// </summary>
    private CopyEndpoint OntoVolume(
        CopyEndpoint endpoint,
        IReadOnlyList<(string Destination, string Source)> volumes)
    {
        var typed = endpoint.Path;
        var trailing = typed.EndsWith('/') ? "/"
            : typed.EndsWith("/.", StringComparison.Ordinal) ? "/."
            : "";
        var resolved = InContainer(endpoint.Root, endpoint.Path);
        foreach (var (destination, source) in volumes.OrderByDescending(v => v.Destination.Length))
        {
            var prefix = destination.TrimEnd('/');
            if (resolved != prefix && !resolved.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var volume = RootDirectory.Open(source);
            _mounted.Add((null!, volume));
            var rest = "/" + resolved[prefix.Length..].TrimStart('/');
            var name = prefix[(prefix.LastIndexOf('/') + 1)..];
            return endpoint with { Root = volume, Path = rest.TrimEnd('/') + trailing, RootName = name, BoundFiles = null };
        }

        return endpoint;
    }

    private static string InContainer(RootDirectory root, string path)
    {
        if (root.Resolve(path) is { } whole)
        {
            return whole;
        }

        var clean = "/" + RootDirectory.Relative(path);
        var cut = clean.LastIndexOf('/');
        var parent = root.Resolve(cut <= 0 ? "/" : clean[..cut]);
        return parent is null ? clean : parent.TrimEnd('/') + clean[cut..];
    }

    private static List<(string Destination, string Source)> VolumeMounts(JsonObject inspect) =>
        (inspect["Mounts"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(m => m["Type"]?.GetValue<string>() is "volume" or "bind")
            .Select(m => (m["Destination"]?.GetValue<string>() ?? "", m["Source"]?.GetValue<string>() ?? ""))
            .Where(m => m.Item1.StartsWith('/') && Directory.Exists(m.Item2))
            .ToList();

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

    private async Task<bool> StillStoppedAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await containers.ResolveAsync(id, cancellationToken)).State is not ("running" or "paused");
        }
        catch (NotFoundException)
        {
            return false; // Removed meanwhile: its layer and mount went with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (container, root) in _mounted)
        {
            root.Dispose();
            if (container is null || container.State is "running" or "paused")
            {
                continue;
            }

            // Its own timeout: a cancelled copy must still drop its mount. The state is read
            // again so a container started during the copy keeps the mount it now runs on.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            if (await StillStoppedAsync(container.Id, timeout.Token))
            {
                await layers.UnmountAsync(container.Id, timeout.Token);
            }
        }
    }
}
