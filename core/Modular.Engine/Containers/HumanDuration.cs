namespace Modular.Engine.Containers;

/// <summary>Durations in the words Podman's <c>ps</c> STATUS column uses.</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        var minutes = (long)duration.TotalMinutes;
        var hours = (long)Math.Round(duration.TotalHours);
        return seconds switch
        {
            < 1 => "Less than a second",
            1 => "1 second",
            < 60 => $"{seconds} seconds",
            _ when minutes == 1 => "About a minute",
            _ when minutes < 60 => $"{minutes} minutes",
            _ when hours == 1 => "About an hour",
            _ when hours < 48 => $"{hours} hours",
            _ when hours < 24 * 7 * 2 => $"{hours / 24} days",
            _ when hours < 24 * 30 * 2 => $"{hours / 24 / 7} weeks",
            _ when hours < 24 * 365 * 2 => $"{hours / 24 / 30} months",
            _ => $"{hours / 24 / 365} years",
        };
    }
}
