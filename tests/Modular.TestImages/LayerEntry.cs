namespace Modular.TestImages;

/// <summary>
/// One tar entry exactly as it will be written: the name is not cleaned, so hostile
/// images can carry "../" names, duplicates and links that leave the root. A null
/// <see cref="ModificationTime"/> means the builder's fixed time (stable digests).
/// </summary>
public sealed record LayerEntry(
    string Name,
    LayerEntryKind Kind,
    byte[]? Content = null,
    string? LinkTarget = null,
    UnixFileMode? Mode = null,
    DateTimeOffset? ModificationTime = null)
{
    public static LayerEntry Dir(string name, UnixFileMode? mode = null) =>
        new(name, LayerEntryKind.Directory, Mode: mode);

    public static LayerEntry File(string name, string text, UnixFileMode? mode = null) =>
        new(name, LayerEntryKind.File, System.Text.Encoding.UTF8.GetBytes(text), Mode: mode);

    public static LayerEntry File(string name, byte[] content, UnixFileMode? mode = null) =>
        new(name, LayerEntryKind.File, content, Mode: mode);

    public static LayerEntry Symlink(string name, string target) =>
        new(name, LayerEntryKind.Symlink, LinkTarget: target);

    public static LayerEntry HardLink(string name, string target) =>
        new(name, LayerEntryKind.HardLink, LinkTarget: target);
}
