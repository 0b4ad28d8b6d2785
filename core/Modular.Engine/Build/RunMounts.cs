using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;

namespace Modular.Engine.Build;

/// <summary>
/// A RUN step's <c>--mount</c> values as the container's volumes: bind from the context
/// (read-only by default) or from an earlier stage or an image (mounted for the step),
/// cache as a directory kept under the store between builds, secret as a read-only file
/// from <c>--secret</c>, tmpfs as a tmpfs.
/// </summary>
internal sealed class RunMounts(
    BuildSession session,
    IReadOnlyList<RunMount> mounts,
    Func<string, string> expand,
    Func<string, CancellationToken, Task<SourceRoot>> mountFrom) : IAsyncDisposable
{
    private readonly HashSet<string> _targets = [];
    private readonly List<SourceRoot> _roots = [];

    /// <summary>The mounts as written, for the cache key.</summary>
    public string Key => string.Join(";", mounts.Select(m => m.Type + ":" + string.Join(",", m.Options.Select(o => $"{o.Key}={o.Value}"))));

    /// <summary>Mount points, relative to the root, left out of the step's layer.</summary>
    public IReadOnlySet<string> Targets => _targets;

    public IReadOnlyList<string> Tmpfs =>
        [.. mounts.Where(m => m.Type == RunMount.Tmpfs).Select(m => Target(m))];

    public async Task<IReadOnlyList<string>> VolumesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var volumes = new List<string>();
        foreach (var mount in mounts)
        {
            switch (mount.Type)
            {
                case RunMount.Bind: volumes.Add(await BindAsync(mount, cancellationToken)); break;
                case RunMount.Cache: volumes.Add(Cache(mount)); break;
                case RunMount.Secret when Secret(mount) is { } secret: volumes.Add(secret); break;
                case RunMount.Secret or RunMount.Tmpfs: break;
                default: throw new CapabilityMissingException($"RUN --mount=type={mount.Type} is not supported");
            }
        }

        return volumes;
    }

    private async Task<string> BindAsync(RunMount mount, CancellationToken cancellationToken)
    {
        var root = session.Options.ContextDirectory;
        if (mount.From is { } from)
        {
            // The stage's or image's layers stay mounted until the step is done (Dispose).
            var mounted = await mountFrom(expand(from), cancellationToken);
            _roots.Add(mounted);
            root = mounted.Path;
        }

        var source = Path.Combine(root, SourceSet.Clean(expand(mount.Source ?? "")));
        return $"{source}:{Target(mount)}:{(mount.ReadOnly ? "ro" : "rw")}";
    }

    private string Cache(RunMount mount)
    {
        var target = Target(mount);
        var id = mount.Id ?? target;
        var directory = Path.Combine(session.Services.Cache.MountsDirectory, LayerCache.Key(id)[..32]);
        Directory.CreateDirectory(directory);
        return $"{directory}:{target}:rw";
    }

    private string? Secret(RunMount mount)
    {
        var id = mount.Id ?? Path.GetFileName(mount.Target ?? "");
        if (!session.Options.Secrets.TryGetValue(id, out var path))
        {
            return mount.Required ? throw new NotFoundException($"secret required but no secret with id \"{id}\" found") : null;
        }

        var target = mount.Target is null ? Note($"/run/secrets/{id}") : Target(mount);
        return $"{path}:{target}:ro";
    }

    private string Target(RunMount mount) =>
        Note(expand(mount.Target ?? throw new InvalidInputException($"RUN --mount=type={mount.Type} needs a target")));

    private string Note(string target)
    {
        _targets.Add(target.Trim('/'));
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var root in _roots)
        {
            await root.DisposeAsync();
        }

        _roots.Clear();
    }
}
