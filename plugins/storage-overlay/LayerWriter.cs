using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Applies validated entries to the writable directory of a <see cref="LayerView"/>. Every
/// parent is resolved inside the view; the final component is never followed (an existing
/// node there is replaced). Whiteouts take the driver's form: vfs deletes, overlay writes
/// a 0/0 character device or the trusted.overlay.opaque xattr.
/// </summary>
internal sealed class LayerWriter(LayerView view)
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly List<(string Path, DateTimeOffset Time)> _directoryTimes = [];

    public long BytesWritten { get; private set; }

    public async Task ApplyAsync(
        IAsyncEnumerable<LayerEntry> entries,
        CancellationToken cancellationToken)
    {
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await ApplyOneAsync(entry, cancellationToken);
        }

        // Children change a directory's mtime, so directory times go last, deepest first.
        for (var i = _directoryTimes.Count - 1; i >= 0; i--)
        {
            NodeWriter.SetTimes(_directoryTimes[i].Path, _directoryTimes[i].Time);
        }
    }

    private async Task ApplyOneAsync(LayerEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Path.Length == 0)
        {
            ApplyRoot(entry);
            return;
        }

        var (directory, name) = SplitPath(entry.Path);
        var parent = view.ResolveDirectory(directory, entry.Path);
        var relative = parent.Length == 0 ? name : parent + "/" + name;

        switch (entry.Type)
        {
            case LayerEntryType.Whiteout:
                Whiteout(parent, relative);
                return;
            case LayerEntryType.OpaqueDirectory:
                Opaque(relative, entry);
                return;
        }

        EnsureWritableDirectory(parent, entry.Path);
        var target = view.HostPath(0, relative);
        await WriteNodeAsync(entry, target, cancellationToken);
        MarkWritten(relative);
    }

    /// <summary>The layer's "./" entry: the root keeps its mode and owner (a 555 / stays 555).</summary>
    private void ApplyRoot(LayerEntry entry)
    {
        if (entry.Type != LayerEntryType.Directory)
        {
            return;
        }

        var root = view.HostPath(0, string.Empty);
        NodeWriter.SetMetadata(root, entry, setTimes: false);
        _directoryTimes.Insert(0, (root, entry.ModifiedTime));
    }

    /// <summary>Records a path and its parents, which this layer now holds too.</summary>
    private void MarkWritten(string relative)
    {
        for (var path = relative; path.Length > 0; path = SplitPath(path).Directory)
        {
            if (!_written.Add(path))
            {
                return;
            }
        }
    }

    private async Task WriteNodeAsync(
        LayerEntry entry,
        string target,
        CancellationToken cancellationToken)
    {
        if (entry.Type == LayerEntryType.Directory)
        {
            NodeWriter.EnsureDirectory(target, view.OverlayForm);
            NodeWriter.SetMetadata(target, entry, setTimes: false);
            _directoryTimes.Add((target, entry.ModifiedTime));
            return;
        }

        NodeWriter.Remove(target);
        switch (entry.Type)
        {
            case LayerEntryType.File:
                BytesWritten += await NodeWriter.WriteFileAsync(
                    target,
                    entry.Content,
                    cancellationToken);
                break;
            case LayerEntryType.HardLink:
                HardLink(entry, target);
                return;
            default:
                NodeWriter.CreateSpecial(target, entry);
                break;
        }

        NodeWriter.SetMetadata(target, entry, setTimes: true);
    }

    private void HardLink(LayerEntry entry, string target)
    {
        var linkTarget = entry.LinkTarget ?? string.Empty;
        var (directory, name) = SplitPath(linkTarget);
        var found = view.Lookup(directory, name, entry.Path);
        if (found.Kind is ViewEntryKind.Missing or ViewEntryKind.Directory)
        {
            throw new InvalidInputException(
                $"invalid layer entry {Quoted.Of(entry.Path)}: "
                + $"hard link target {Quoted.Of(linkTarget)} not found");
        }

        var relative = found.Directory.Length == 0 ? name : found.Directory + "/" + name;
        var source = view.HostPath(0, relative);
        if (found.Layers[0] != 0)
        {
            // The target lives only in a lower layer: copy it up so the link stays in this layer.
            EnsureWritableDirectory(found.Directory, entry.Path);
            NodeWriter.CopyUp(view.HostPath(found.Layers[0], relative), source);
        }

        Libc.Check(Libc.link(source, target), "link", target);
    }

    private void Whiteout(string parent, string relative)
    {
        var target = view.HostPath(0, relative);
        if (!view.OverlayForm)
        {
            NodeWriter.Remove(target);
            return;
        }

        EnsureWritableDirectory(parent, relative);
        NodeWriter.Remove(target);
        Libc.Check(Libc.mknod(target, FileStat.TypeChar, 0), "mknod", target);
    }

    private void Opaque(string relative, LayerEntry entry)
    {
        EnsureWritableDirectory(relative, entry.Path);
        var target = view.HostPath(0, relative);
        if (view.OverlayForm)
        {
            Xattr.SetOpaque(target);
            return;
        }

        // vfs holds the parent's copy: drop every child this layer did not write itself,
        // whatever the order of the opaque marker and the layer's own entries in the tar.
        ClearExceptWritten(target, relative);
    }

    private void ClearExceptWritten(string hostDirectory, string relative)
    {
        foreach (var child in System.IO.Directory.EnumerateFileSystemEntries(hostDirectory))
        {
            var childRelative = relative.Length == 0
                ? Path.GetFileName(child)
                : relative + "/" + Path.GetFileName(child);
            if (!_written.Contains(childRelative))
            {
                NodeWriter.Remove(child);
            }
            else if (FileStat.Lstat(child) is { IsDirectory: true })
            {
                ClearExceptWritten(child, childRelative);
            }
        }
    }

    /// <summary>
    /// Makes every component of a resolved directory a real directory in the writable root,
    /// copying a lower layer's directory metadata up; refuses anything else found there.
    /// </summary>
    private void EnsureWritableDirectory(string resolved, string entryName)
    {
        var prefix = string.Empty;
        foreach (var part in resolved.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            prefix = prefix.Length == 0 ? part : prefix + "/" + part;
            var host = view.HostPath(0, prefix);
            var stat = FileStat.Lstat(host);
            if (stat is { IsDirectory: true })
            {
                continue;
            }

            if (stat is not null && !(view.OverlayForm && stat.IsOverlayWhiteout))
            {
                throw new InvalidInputException(
                    $"invalid layer entry {Quoted.Of(entryName)}: "
                    + $"{Quoted.Of(prefix)} is not a directory");
            }

            CreateDirectoryUp(prefix, host, replacedWhiteout: stat is not null);
        }
    }

    private void CreateDirectoryUp(string prefix, string host, bool replacedWhiteout)
    {
        NodeWriter.Remove(host);
        System.IO.Directory.CreateDirectory(host);
        var (directory, name) = SplitPath(prefix);
        var lower = view.Lookup(directory, name, prefix);
        if (lower.Kind == ViewEntryKind.Directory && lower.Layers.Count > 1)
        {
            NodeWriter.CopyDirectoryMetadata(view.HostPath(lower.Layers[1], prefix), host);
        }

        if (replacedWhiteout)
        {
            // The path was deleted earlier in this layer: lower content must stay hidden.
            Xattr.SetOpaque(host);
        }
    }

    private static (string Directory, string Name) SplitPath(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? (string.Empty, path) : (path[..slash], path[(slash + 1)..]);
    }
}
