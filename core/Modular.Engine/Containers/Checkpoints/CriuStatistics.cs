namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// Reads criu's <c>stats-dump</c> and <c>stats-restore</c> for <c>--print-stats</c>: two magic
/// words, a 32-bit length, then a protobuf <c>stats_entry</c> whose field 1 is the dump's and
/// field 2 the restore's counters (criu's images/stats.proto). Only varint fields occur there;
/// names and the omission of zeros follow Podman's JSON.
/// </summary>
public static class CriuStatistics
{
    private static readonly Dictionary<int, string> DumpFields = new()
    {
        [1] = "freezing_time", [2] = "frozen_time", [3] = "memdump_time", [4] = "memwrite_time",
        [5] = "pages_scanned", [6] = "pages_skipped_parent", [7] = "pages_written",
    };

    private static readonly Dictionary<int, string> RestoreFields = new()
    {
        [1] = "pages_compared", [2] = "pages_skipped_cow", [3] = "forking_time", [4] = "restore_time",
        [5] = "pages_restored",
    };

    /// <summary>The named counters, or null when the file is absent or not what criu writes.</summary>
    public static IReadOnlyDictionary<string, ulong>? Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var length = BitConverter.ToInt32(bytes, 8);
            var entry = bytes.AsSpan(12, length);
            var result = new Dictionary<string, ulong>();
            var position = 0;
            while (position < entry.Length)
            {
                var (field, kind) = Key(Varint(entry, ref position));
                var size = (int)Varint(entry, ref position);
                if (kind == 2 && (field is 1 or 2))
                {
                    Counters(entry.Slice(position, size), field == 1 ? DumpFields : RestoreFields, result);
                }

                position += kind == 2 ? size : 0;
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static void Counters(ReadOnlySpan<byte> message, Dictionary<int, string> names, Dictionary<string, ulong> into)
    {
        var position = 0;
        while (position < message.Length)
        {
            var (field, kind) = Key(Varint(message, ref position));
            if (kind != 0)
            {
                return; // Not a varint: a newer criu's field this reader does not know.
            }

            var value = Varint(message, ref position);
            if (value != 0 && names.TryGetValue(field, out var name))
            {
                into[name] = value;
            }
        }
    }

    private static (int Field, int Kind) Key(ulong key) => ((int)(key >> 3), (int)(key & 7));

    private static ulong Varint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
