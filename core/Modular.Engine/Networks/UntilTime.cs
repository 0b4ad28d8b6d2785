using System.Globalization;
using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>
/// The value of an <c>until</c> filter as Podman reads it: one RFC 3339 time or date, unix
/// seconds (with an optional fraction), or a Go duration before now ("10m", "1h30m").
/// </summary>
public static partial class UntilTime
{
    public static DateTimeOffset Parse(IReadOnlyList<string> values, DateTimeOffset now)
    {
        if (values.Count != 1)
        {
            throw new InvalidInputException("specify exactly one timestamp for until");
        }

        var text = values[0];
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        if (TryDuration(text, out var duration))
        {
            return now - duration;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var when))
        {
            return when;
        }

        throw new InvalidInputException($"failed to parse value \"{text}\" as a time or duration");
    }

    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var matches = Part().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text)
        {
            return false;
        }

        foreach (Match m in matches)
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.FromTicks((long)(value * 10)),
            };
        }

        return true;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us)")]
    private static partial Regex Part();
}
