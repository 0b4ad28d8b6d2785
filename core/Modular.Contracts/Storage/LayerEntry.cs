namespace Modular.Contracts.Storage;

/// <summary>The kinds of entry in a layer change set.</summary>
public enum LayerEntryType
{
    File,
    Directory,
    Symlink,
    HardLink,
    CharDevice,
    BlockDevice,
    Fifo,

    /// <summary>The path is deleted in this layer (tar form <c>.wh.NAME</c>).</summary>
    Whiteout,

    /// <summary>The directory hides everything below it from lower layers (<c>.wh..wh..opq</c>).</summary>
    OpaqueDirectory,
}

/// <summary>
/// One validated entry of a layer. <see cref="Path"/> is relative to the layer root, uses
/// '/', and has no empty, <c>.</c> or <c>..</c> component. For a hard link,
/// <see cref="LinkTarget"/> is likewise a path relative to the root; for a symlink it is the
/// link text as stored (it may be absolute: it is resolved inside the root when used).
/// <see cref="Content"/> is set for files only and is read once, in entry order.
/// </summary>
public sealed record LayerEntry(
    string Path,
    LayerEntryType Type,
    int Mode,
    int Uid,
    int Gid,
    DateTimeOffset ModifiedTime,
    string? LinkTarget = null,
    int DeviceMajor = 0,
    int DeviceMinor = 0,
    long Size = 0,
    IReadOnlyDictionary<string, byte[]>? Xattrs = null,
    Stream? Content = null);
