using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>What a <see cref="LayerView"/> lookup found.</summary>
internal enum ViewEntryKind
{
    Missing,
    Directory,
    Symlink,
    Other,
}

/// <summary>
/// A lookup result: the layers (top-down indices) that hold it, its stat for a
/// non-directory, and the resolved directory it was found in.
/// </summary>
internal sealed record ViewEntry(
    ViewEntryKind Kind,
    List<int> Layers,
    FileStat? Stat,
    string Directory = "");
