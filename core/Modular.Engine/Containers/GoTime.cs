namespace Modular.Engine.Containers;

/// <summary>Times as Go's encoding/json writes time.Time (RFC 3339 with fractional seconds), as Podman's JSON has them.</summary>
public static class GoTime
{
    public const string Zero = "0001-01-01T00:00:00Z";

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? time) => time is { } value ? Format(value) : Zero;
}
