using System.Globalization;
using System.Text.RegularExpressions;

namespace Modular.Engine.Build.Syntax;

/// <summary>Go's time.ParseDuration syntax: <c>300ms</c>, <c>1.5h</c>, <c>1m30s</c>, <c>0</c>.</summary>
public static partial class GoDuration
{
    /// <summary>The duration, or null when the text is not a Go duration.</summary>
    public static TimeSpan? Parse(string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var ticks = 0.0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = UnitPattern().Match(part.Value);
            var number = double.Parse(part.Value[..unit.Index], CultureInfo.InvariantCulture);
            ticks += number * TicksPer(unit.Value);
        }

        var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
        return TimeSpan.FromTicks((long)Math.Round(sign * ticks));
    }

    private static double TicksPer(string unit) => unit switch
    {
        "ns" => 0.01,
        "us" or "µs" or "μs" => 10,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => TimeSpan.TicksPerHour,
    };

    [GeneratedRegex(@"^(?<sign>[-+]?)(?<part>(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("(ns|us|µs|μs|ms|s|m|h)$")]
    private static partial Regex UnitPattern();
}
