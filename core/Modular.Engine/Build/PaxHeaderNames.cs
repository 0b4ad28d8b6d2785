using System.Text;
using System.Text.RegularExpressions;

namespace Modular.Engine.Build;

/// <summary>
/// .NET's TarWriter names each PAX extended header "DIR/PaxHeaders.PID/NAME", so the same
/// files give a different tar (and layer digest) in every process. Go names them
/// "PaxHeaders.0"; this rewrites the names so, with fixed times, a layer is reproducible.
/// </summary>
internal static partial class PaxHeaderNames
{
    private const int Block = 512;

    /// <summary>Rewrites the extended headers' names in place and fixes their checksums.</summary>
    public static void MakeStable(Span<byte> tar)
    {
        var offset = 0;
        while (offset + Block <= tar.Length)
        {
            var header = tar.Slice(offset, Block);
            if (IsZero(header))
            {
                return;
            }

            if (header[156] is (byte)'x' or (byte)'g')
            {
                Rename(header[..100]);
                Rename(header.Slice(345, 155));
                Checksum(header);
            }

            var size = ParseOctal(header.Slice(124, 12));
            offset += Block + (int)((size + Block - 1) / Block * Block);
        }
    }

    private static void Rename(Span<byte> field)
    {
        var text = Encoding.ASCII.GetString(field).TrimEnd('\0');
        var stable = PidPattern().Replace(text, "PaxHeaders.0");
        if (stable == text)
        {
            return;
        }

        field.Clear();
        Encoding.ASCII.GetBytes(stable, field);
    }

    private static void Checksum(Span<byte> header)
    {
        header.Slice(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }

        var digits = Convert.ToString(sum, 8).PadLeft(6, '0');
        Encoding.ASCII.GetBytes(digits, header.Slice(148, 6));
        header[154] = 0;
        header[155] = (byte)' ';
    }

    private static long ParseOctal(ReadOnlySpan<byte> field)
    {
        long value = 0;
        foreach (var b in field)
        {
            if (b is >= (byte)'0' and <= (byte)'7')
            {
                value = value * 8 + (b - '0');
            }
            else if (value > 0 || b is 0)
            {
                break;
            }
        }

        return value;
    }

    private static bool IsZero(ReadOnlySpan<byte> block) => !block.ContainsAnyExcept((byte)0);

    [GeneratedRegex(@"PaxHeaders\.\d+")]
    private static partial Regex PidPattern();
}
