using System.Globalization;
using System.Text.RegularExpressions;
using Modular.Cli.Errors;

namespace Modular.Cli.Parsing;

/// <summary>
/// --since/--until values as Podman accepts them: RFC3339 timestamps, unix seconds
/// (with an optional fraction), or a Go duration ("10m", "1h30m", "2.5s") before now.
/// </summary>
public static partial class TimeArgument
{
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (decimal.TryParse(
            text,
            NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        if (TryDuration(text, out var duration))
        {
            return now - duration;
        }

        if (DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var when))
        {
            return when;
        }

        throw new UsageException($"failed to parse time \"{text}\": expected RFC3339, unix seconds or a duration such as 10m");
    }

    public static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var matches = DurationPart().Matches(text);
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
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                _ => TimeSpan.FromTicks((long)(value / 100)),
            };
        }

        return true;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex DurationPart();
}
