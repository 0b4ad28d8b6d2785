using System.Globalization;
using Modular.Engine.Health;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>
/// The value of an <c>until</c> filter as Podman reads it: one RFC 3339 time or date, unix
/// seconds (with an optional fraction), or a Go duration before now ("10m", "1h30m").
/// </summary>
public static class UntilTime
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

        if (GoDuration.TryParse(text, out var duration))
        {
            return now - duration;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var when))
        {
            return when;
        }

        throw new InvalidInputException($"failed to parse value \"{text}\" as a time or duration");
    }
}
