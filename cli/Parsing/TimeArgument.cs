using System.Globalization;
using Modular.Engine.Health;
using Modular.Cli.Errors;

namespace Modular.Cli.Parsing;

/// <summary>
/// --since/--until values as Podman accepts them: RFC3339 timestamps, unix seconds
/// (with an optional fraction), or a Go duration ("10m", "1h30m", "2.5s") before now, or
/// after now where Podman reads an end time (<c>logs --until</c>, ParseInputTime's since=false).
/// </summary>
public static class TimeArgument
{
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now) => Parse(text, now, since: true);

    /// <summary>As <see cref="Parse(string?, DateTimeOffset)"/>; a duration counts forward when <paramref name="since"/> is false.</summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now, bool since)
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

        if (GoDuration.TryParse(text, out var duration))
        {
            return since ? now - duration : now + duration;
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
}
