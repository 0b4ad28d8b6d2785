using System.Text;
using Modular.Contracts.Storage;

namespace Modular.Conformance.Storage;

/// <summary>
/// Builds a layer as the validated entries the engine hands a driver (the contract's input,
/// not a tar): relative paths, whiteouts and opaque markers already decoded.
/// </summary>
public sealed class LayerBuilder
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    // Content is kept as bytes so each enumeration gets fresh streams.
    private readonly List<(LayerEntry Entry, byte[]? Content)> _entries = [];

    public LayerBuilder Dir(string path, int mode = 0b111_101_101) =>
        Add(new LayerEntry(path, LayerEntryType.Directory, mode, 0, 0, Time), null);

    public LayerBuilder File(string path, string content, int mode = 0b110_100_100, int uid = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return Add(new LayerEntry(path, LayerEntryType.File, mode, uid, 0, Time, Size: bytes.Length), bytes);
    }

    /// <summary>A symlink; <paramref name="target"/> is the link text, possibly absolute.</summary>
    public LayerBuilder Symlink(string path, string target) =>
        Add(new LayerEntry(path, LayerEntryType.Symlink, 0b111_111_111, 0, 0, Time, target), null);

    /// <summary>A hard link to <paramref name="target"/>, a path relative to the layer root.</summary>
    public LayerBuilder HardLink(string path, string target) =>
        Add(new LayerEntry(path, LayerEntryType.HardLink, 0b110_100_100, 0, 0, Time, target), null);

    /// <summary>Deletes <paramref name="name"/> in <paramref name="directory"/> ("" for the root).</summary>
    public LayerBuilder Whiteout(string directory, string name) =>
        Add(new LayerEntry(Join(directory, name), LayerEntryType.Whiteout, 0, 0, 0, Time), null);

    /// <summary>Hides everything lower layers have below <paramref name="directory"/>.</summary>
    public LayerBuilder Opaque(string directory) =>
        Add(new LayerEntry(directory, LayerEntryType.OpaqueDirectory, 0b111_101_101, 0, 0, Time), null);

    public async IAsyncEnumerable<LayerEntry> ToAsyncEnumerable()
    {
        foreach (var (entry, content) in _entries)
        {
            yield return content is null ? entry : entry with { Content = new MemoryStream(content) };
        }

        await Task.CompletedTask;
    }

    private LayerBuilder Add(LayerEntry entry, byte[]? content)
    {
        _entries.Add((entry, content));
        return this;
    }

    private static string Join(string directory, string name) =>
        directory.Length == 0 ? name : directory + "/" + name;
}
