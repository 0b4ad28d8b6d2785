using System.Globalization;
using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Sizes as Podman reads memory flags (go-units RAMInBytes): a decimal number, an optional
/// space, then k, m, g, t or p in powers of 1024, an optional i and an optional b.
/// </summary>
public static partial class ByteSize
{
    private static readonly string[] Units = ["", "k", "m", "g", "t", "p"];

    [GeneratedRegex(@"^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$")]
    private static partial Regex SizePattern();

    /// <summary>Parses <paramref name="text"/>; <paramref name="flag"/> names it in the error.</summary>
    /// <exception cref="InvalidInputException">Not a size.</exception>
    public static long Parse(string text, string flag)
    {
        var match = SizePattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float,
                CultureInfo.InvariantCulture, out var number))
        {
            throw new InvalidInputException($"invalid value for {flag}: invalid size: '{text}'");
        }

        var unit = match.Groups[2].Value.ToLowerInvariant();
        var bytes = number * Math.Pow(1024, Array.IndexOf(Units, unit));

        // Go would wrap a size past int64 into a negative number that fails only at start;
        // refusing it here keeps the store unchanged, in go-units' words for a bad size.
        return bytes < long.MaxValue
            ? (long)bytes
            : throw new InvalidInputException($"invalid value for {flag}: invalid size: '{text}'");
    }

    /// <summary>Podman's short human size for stats (decimal units, 3 significant digits).</summary>
    public static string Human(double bytes)
    {
        string[] suffixes = ["B", "kB", "MB", "GB", "TB", "PB"];
        var index = 0;
        while (bytes >= 1000 && index < suffixes.Length - 1)
        {
            bytes /= 1000;
            index++;
        }

        return FormattableString.Invariant($"{Significant(bytes)}{suffixes[index]}");
    }

    // go-units HumanSize prints %.4g: four significant digits without trailing zeros.
    private static string Significant(double value) =>
        value.ToString("G4", CultureInfo.InvariantCulture);
}
