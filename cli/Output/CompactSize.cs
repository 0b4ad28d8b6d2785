using System.Globalization;

namespace Modular.Cli.Output;

/// <summary>
/// go-units' HumanSize, which <c>system df</c> and <c>system prune</c> print: decimal units,
/// four significant digits and no space before the unit ("0B", "1.235MB").
/// </summary>
public static class CompactSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];

    public static string Of(long bytes)
    {
        double size = bytes;
        var unit = 0;
        while (size >= 1000 && unit < Units.Length - 1)
        {
            size /= 1000;
            unit++;
        }

        return size.ToString("G4", CultureInfo.InvariantCulture) + Units[unit];
    }
}
