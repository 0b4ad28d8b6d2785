using System.Formats.Tar;
using Modular.Engine.Commit;
using Modular.Engine.Images.Transports;

namespace Modular.Engine.Build;

/// <summary>
/// build --timestamp: every file in a step's layer gets the given time, as buildah does, so
/// the same sources give the same layer (and image) whenever they are built.
/// </summary>
internal static class LayerTimestamps
{
    public static async Task<CapturedLayer> ClampAsync(
        CapturedLayer layer,
        DateTimeOffset time,
        CancellationToken cancellationToken)
    {
        var path = layer.Path + ".ts";
        string diffId;
        try
        {
            var rewritten = new MemoryStream();
            await using (var input = File.OpenRead(layer.Path))
            {
                await RewriteAsync(input, rewritten, time, cancellationToken);
            }

            PaxHeaderNames.MakeStable(rewritten.GetBuffer().AsSpan(0, (int)rewritten.Length));
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await using var hashing = new HashingWriteStream(output);
                await hashing.WriteAsync(rewritten.GetBuffer().AsMemory(0, (int)rewritten.Length), cancellationToken);
                await hashing.FlushAsync(cancellationToken);
                diffId = hashing.Digest();
            }

            File.Move(path, layer.Path, overwrite: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new CapturedLayer(layer.Path, diffId, new FileInfo(layer.Path).Length);
    }

    private static async Task RewriteAsync(
        Stream input,
        Stream output,
        DateTimeOffset time,
        CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(input, leaveOpen: true);
        var wrote = false;
        await using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                // Access and change times would differ between builds: only mtime is kept.
                var attributes = entry is PaxTarEntry pax
                    ? pax.ExtendedAttributes.Where(a => a.Key is not ("atime" or "ctime" or "mtime"))
                    : [];
                var copy = new PaxTarEntry(entry.EntryType, entry.Name, attributes)
                {
                    Mode = entry.Mode,
                    Uid = entry.Uid,
                    Gid = entry.Gid,
                    ModificationTime = time,
                };
                CopyKindFields(entry, copy);
                await writer.WriteEntryAsync(copy, cancellationToken);
                wrote = true;
            }
        }

        // An empty tar still needs its end blocks, as Go's tar writer leaves them.
        if (!wrote)
        {
            await output.WriteAsync(new byte[1024], cancellationToken);
        }
    }

    private static void CopyKindFields(TarEntry entry, PaxTarEntry copy)
    {
        if (entry is PosixTarEntry posix)
        {
            copy.UserName = posix.UserName;
            copy.GroupName = posix.GroupName;
        }

        if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            copy.LinkName = entry.LinkName;
        }

        if (entry is PosixTarEntry device
            && entry.EntryType is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        {
            copy.DeviceMajor = device.DeviceMajor;
            copy.DeviceMinor = device.DeviceMinor;
        }

        if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
        {
            copy.DataStream = entry.DataStream;
        }
    }
}
