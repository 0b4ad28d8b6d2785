using System.Globalization;

namespace Modular.Cli.Output;

/// <summary>Sizes and durations written as Podman writes them (docker/go-units rules).</summary>
public static class HumanUnits
{
    private static readonly string[] DecimalUnits =
        ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];

    /// <summary>Decimal units, three significant digits, a space before the unit: "1.24 MB".</summary>
    public static string Size(long bytes)
    {
        double size = bytes;
        var unit = 0;
        while (size >= 1000 && unit < DecimalUnits.Length - 1)
        {
            size /= 1000;
            unit++;
        }

        return $"{GoG3(size)} {DecimalUnits[unit]}";
    }

    /// <summary>Go's %.3g: three significant digits, trailing zeros dropped.</summary>
    private static string GoG3(double value)
    {
        var text = value.ToString("G3", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal);
    }

    /// <summary>"About a minute", "5 hours", "3 weeks" ... as go-units' HumanDuration.</summary>
    public static string Duration(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < 1)
        {
            return "Less than a second";
        }

        if (seconds == 1)
        {
            return "1 second";
        }

        if (seconds < 60)
        {
            return $"{seconds} seconds";
        }

        var minutes = (long)d.TotalMinutes;
        if (minutes == 1)
        {
            return "About a minute";
        }

        return minutes < 60 ? $"{minutes} minutes" : Hours(d);
    }

    private static string Hours(TimeSpan d)
    {
        var hours = (long)Math.Round(d.TotalHours, MidpointRounding.AwayFromZero);
        return hours switch
        {
            1 => "About an hour",
            < 48 => $"{hours} hours",
            < 24 * 7 * 2 => $"{hours / 24} days",
            < 24 * 30 * 2 => $"{hours / 24 / 7} weeks",
            < 24 * 365 * 2 => $"{hours / 24 / 30} months",
            _ => $"{(long)(d.TotalHours / 24 / 365)} years",
        };
    }

    /// <summary>"5 minutes ago".</summary>
    public static string Ago(DateTimeOffset when, DateTimeOffset now) => Duration(now - when) + " ago";

    /// <summary>Go's time.Time String(): "2024-01-02 15:04:05.123456789 +0000 UTC".</summary>
    public static string GoTime(DateTimeOffset when)
    {
        var utc = when.ToUniversalTime();
        var fraction = utc.ToString("fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        var stamp = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return fraction.Length == 0 ? $"{stamp} +0000 UTC" : $"{stamp}.{fraction} +0000 UTC";
    }
}
