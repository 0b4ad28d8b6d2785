using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Health;

/// <summary>
/// Go's <c>time.ParseDuration</c>: a signed sequence of decimal numbers with units
/// (<c>1m30s</c>, <c>1.5h</c>, <c>500ms</c>), or a bare <c>0</c>. Podman parses every
/// healthcheck and wait interval flag with it, so its error texts are Go's.
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, double Nanoseconds)[] Units =
    [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ];

    /// <summary>Like <see cref="Parse"/>, for callers that try a duration among other forms.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        try
        {
            duration = Parse(text);
            return true;
        }
        catch (InvalidInputException)
        {
            duration = TimeSpan.Zero;
            return false;
        }
    }

    /// <exception cref="InvalidInputException">Go's "time: invalid duration ..." texts.</exception>
    public static TimeSpan Parse(string text)
    {
        var rest = text;
        var negative = rest.StartsWith('-');
        rest = rest.TrimStart('-', '+');
        if (rest == "0")
        {
            return TimeSpan.Zero;
        }

        if (rest.Length == 0)
        {
            throw Invalid(text);
        }

        double total = 0;
        while (rest.Length > 0)
        {
            var number = TakeNumber(ref rest, text);
            total += number * TakeUnit(ref rest, text);
        }

        var ticks = total / 100;
        return TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
    }

    private static double TakeNumber(ref string rest, string text)
    {
        var length = 0;
        while (length < rest.Length && (char.IsAsciiDigit(rest[length]) || rest[length] == '.'))
        {
            length++;
        }

        if (length == 0 || !double.TryParse(rest[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(text);
        }

        rest = rest[length..];
        return value;
    }

    private static double TakeUnit(ref string rest, string text)
    {
        var length = 0;
        while (length < rest.Length && !char.IsAsciiDigit(rest[length]) && rest[length] != '.')
        {
            length++;
        }

        var unit = rest[..length];
        rest = rest[length..];
        if (unit.Length == 0)
        {
            throw new InvalidInputException($"time: missing unit in duration {Quote(text)}");
        }

        foreach (var (name, nanoseconds) in Units)
        {
            if (name == unit)
            {
                return nanoseconds;
            }
        }

        throw new InvalidInputException($"time: unknown unit {Quote(unit)} in duration {Quote(text)}");
    }

    /// <summary>Go's <c>Duration.String()</c>: <c>30s</c>, <c>1m30s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan duration) => FormatNanoseconds(duration.Ticks * 100);

    /// <summary>
    /// Go's <c>Duration.String()</c> at Go's nanosecond precision (<c>3.251689201s</c>,
    /// <c>1h0m0s</c>, <c>1.5µs</c>), for values a TimeSpan's 100ns ticks would round.
    /// </summary>
    public static string FormatNanoseconds(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var negative = nanoseconds < 0;
        var magnitude = negative ? (ulong)(-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        var text = magnitude < 1_000_000_000UL ? SubSecond(magnitude) : WithSeconds(magnitude);
        return negative ? "-" + text : text;
    }

    private static string SubSecond(ulong nanoseconds) => nanoseconds switch
    {
        < 1_000UL => $"{nanoseconds}ns",
        < 1_000_000UL => Fraction(nanoseconds, 3) + "µs",
        _ => Fraction(nanoseconds, 6) + "ms",
    };

    private static string WithSeconds(ulong nanoseconds)
    {
        var seconds = Fraction(nanoseconds % 60_000_000_000UL, 9) + "s";
        var minutes = nanoseconds / 60_000_000_000UL;
        if (minutes == 0)
        {
            return seconds;
        }

        var hours = minutes / 60;
        return hours == 0
            ? $"{minutes}m{seconds}"
            : $"{hours}h{minutes % 60}m{seconds}";
    }

    // The whole part and up to `digits` decimals, trailing zeros dropped, as Go's fmtFrac.
    private static string Fraction(ulong value, int digits)
    {
        ulong scale = 1;
        for (var i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        var whole = value / scale;
        var fraction = (value % scale).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return fraction.Length == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole}.{fraction}";
    }

    private static InvalidInputException Invalid(string text) =>
        new($"time: invalid duration {Quote(text)}");

    private static string Quote(string text) => $"\"{text}\"";
}
