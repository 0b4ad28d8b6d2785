using Modular.Contracts.Errors;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// The state of one chrooted path walk: components still to visit, the directory reached
/// so far (never above the root), the layers each level is visible in, and links followed.
/// </summary>
internal sealed class ResolutionWalk(IEnumerable<string> components, List<int> allLayers)
{
    /// <summary>The limit Linux applies to symlinks followed in one lookup (ELOOP).</summary>
    private const int MaxSymlinks = 40;

    private readonly LinkedList<string> _pending = new(components);
    private readonly List<List<int>> _visible = [allLayers];
    private int _links;

    public List<string> Current { get; } = [];

    public List<int> Visible => _visible[^1];

    public string Path => string.Join('/', Current);

    public bool TryNext(out string part)
    {
        while (_pending.First is { } node)
        {
            _pending.RemoveFirst();
            if (node.Value is not ("" or "."))
            {
                part = node.Value;
                return true;
            }
        }

        part = string.Empty;
        return false;
    }

    /// <summary>"..": one level up, stopping at the root as the kernel does in a chroot.</summary>
    public void Up()
    {
        if (Current.Count > 0)
        {
            Current.RemoveAt(Current.Count - 1);
            _visible.RemoveAt(_visible.Count - 1);
        }
    }

    public void Enter(string part, List<int> layers)
    {
        Current.Add(part);
        _visible.Add(layers);
    }

    /// <summary>Continues with a symlink's target; an absolute one restarts at the root.</summary>
    public void Follow(string target, string entryName)
    {
        if (++_links > MaxSymlinks)
        {
            throw new InvalidInputException(
                $"invalid layer entry {Quoted.Of(entryName)}: too many levels of symbolic links");
        }

        if (target.StartsWith('/'))
        {
            Current.Clear();
            _visible.RemoveRange(1, _visible.Count - 1);
        }

        foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            _pending.AddFirst(part);
        }
    }
}
