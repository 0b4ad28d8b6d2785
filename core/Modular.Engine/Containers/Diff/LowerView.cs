using Modular.Contracts.Storage;

namespace Modular.Engine.Containers.Diff;

/// <summary>The set of paths visible through a stack of layers, replayed bottom up.</summary>
internal sealed class LowerView
{
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);

    public bool Contains(string path) => _paths.Contains(path);

    public void Apply(LayerEntry entry)
    {
        var path = "/" + entry.Path.TrimEnd('/');
        switch (entry.Type)
        {
            case LayerEntryType.Whiteout:
                _paths.Remove(path);
                RemoveBelow(path);
                break;
            case LayerEntryType.OpaqueDirectory:
                RemoveBelow(path);
                _paths.Add(path);
                break;
            default:
                _paths.Add(path);
                break;
        }
    }

    private void RemoveBelow(string path)
    {
        var prefix = path + "/";
        var doomed = _paths.GetViewBetween(prefix, prefix + '\uffff').ToList();
        foreach (var child in doomed)
        {
            _paths.Remove(child);
        }
    }
}
