using System.Formats.Tar;
using System.Text;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;

namespace Modular.Engine.Archive;

/// <summary>Maps one System.Formats.Tar entry to a validated <see cref="LayerEntry"/>.</summary>
internal static class TarEntryConverter
{
    private const string XattrPrefix = "SCHILY.xattr.";

    /// <summary>Returns null for entries that carry no file (global PAX headers, the root).</summary>
    /// <param name="tar">The entry as TarReader parsed it.</param>
    /// <param name="rawXattrs">Its xattrs with their bytes as stored, when known (see PaxXattrTap).</param>
    public static LayerEntry? Convert(TarEntry tar, IReadOnlyDictionary<string, byte[]>? rawXattrs = null)
    {
        if (tar.EntryType == TarEntryType.GlobalExtendedAttributes)
        {
            return null;
        }

        var path = LayerPath.Normalize(tar.Name, tar.Name);
        if (path.Length == 0)
        {
            // The root directory entry ("./") carries the root's mode and owner (an image
            // whose / is 555 keeps it, as in Podman); a root that is not a directory is noise.
            return tar.EntryType == TarEntryType.Directory ? Regular(tar, path, rawXattrs) : null;
        }

        var (directory, name) = LayerPath.Split(path);
        if (LayerArchiveReader.IsWhiteoutName(name, out var opaque, out var hidden))
        {
            return Whiteout(tar, opaque ? directory : LayerPath.Join(directory, hidden), opaque);
        }

        return Regular(tar, path, rawXattrs);
    }

    private static LayerEntry Whiteout(TarEntry tar, string path, bool opaque)
    {
        if (path.Length == 0 && !opaque)
        {
            throw new InvalidInputException(
                $"invalid layer entry {Quoted.Of(tar.Name)}: empty whiteout");
        }

        var type = opaque ? LayerEntryType.OpaqueDirectory : LayerEntryType.Whiteout;
        return new LayerEntry(path, type, 0, 0, 0, tar.ModificationTime);
    }

    private static LayerEntry Regular(
        TarEntry tar,
        string path,
        IReadOnlyDictionary<string, byte[]>? rawXattrs)
    {
        var type = MapType(tar);
        var link = type switch
        {
            LayerEntryType.HardLink => HardLinkTarget(tar),
            LayerEntryType.Symlink => tar.LinkName,
            _ => null,
        };
        var posix = tar as PosixTarEntry;
        return new LayerEntry(
            path,
            type,
            (int)tar.Mode,
            tar.Uid,
            tar.Gid,
            tar.ModificationTime,
            link,
            posix?.DeviceMajor ?? 0,
            posix?.DeviceMinor ?? 0,
            type == LayerEntryType.File ? tar.Length : 0,
            Xattrs(tar, rawXattrs),
            type == LayerEntryType.File ? tar.DataStream ?? Stream.Null : null);
    }

    private static string HardLinkTarget(TarEntry tar)
    {
        var target = LayerPath.Normalize(tar.LinkName, tar.Name, linkTarget: true);
        if (target.Length == 0)
        {
            throw new InvalidInputException(
                $"invalid layer entry {Quoted.Of(tar.Name)}: hard link to the layer root");
        }

        return target;
    }

    private static LayerEntryType MapType(TarEntry tar) => tar.EntryType switch
    {
        // Old tars mark a directory only by a trailing slash on a regular-file entry.
        TarEntryType.V7RegularFile or TarEntryType.RegularFile
            when tar.Name.EndsWith('/') => LayerEntryType.Directory,
        TarEntryType.RegularFile or TarEntryType.V7RegularFile
            or TarEntryType.ContiguousFile => LayerEntryType.File,
        TarEntryType.Directory => LayerEntryType.Directory,
        TarEntryType.SymbolicLink => LayerEntryType.Symlink,
        TarEntryType.HardLink => LayerEntryType.HardLink,
        TarEntryType.CharacterDevice => LayerEntryType.CharDevice,
        TarEntryType.BlockDevice => LayerEntryType.BlockDevice,
        TarEntryType.Fifo => LayerEntryType.Fifo,
        _ => throw new InvalidInputException(
            $"invalid layer entry {Quoted.Of(tar.Name)}: unsupported tar entry type {tar.EntryType}"),
    };

    private static IReadOnlyDictionary<string, byte[]>? Xattrs(
        TarEntry tar,
        IReadOnlyDictionary<string, byte[]>? rawXattrs)
    {
        if (tar is not PaxTarEntry pax)
        {
            return null;
        }

        // System.Formats.Tar decodes PAX values as UTF-8, altering binary values such as
        // security.capability; the tap's raw bytes win whenever it followed this entry.
        if (rawXattrs is not null)
        {
            return rawXattrs;
        }

        var xattrs = pax.ExtendedAttributes
            .Where(kv => kv.Key.StartsWith(XattrPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[XattrPrefix.Length..], kv => Encoding.UTF8.GetBytes(kv.Value));
        return xattrs.Count == 0 ? null : xattrs;
    }
}
