using System.Globalization;

namespace Modular.Cli.Output;

/// <summary>
/// Sizes as go-units' HumanSizeWithPrecision(n, 3) writes them for <c>ps --size</c>:
/// decimal units, three significant digits, no space ("0B", "4.32MB").
/// </summary>
public static class PsSizeText
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];

    public static string Compact(long bytes)
    {
        double size = bytes;
        var unit = 0;
        while (size >= 1000 && unit < Units.Length - 1)
        {
            size /= 1000;
            unit++;
        }

        return size.ToString("G3", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal)
            + Units[unit];
    }
}
