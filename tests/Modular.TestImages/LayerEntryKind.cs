namespace Modular.TestImages;

public enum LayerEntryKind
{
    Directory,
    File,
    Symlink,
    HardLink,
}
