using System.Globalization;

namespace Modular.Cli.Commands;

/// <summary>
/// When this modpod was built, for <c>version</c>'s Built line: the write time of the CLI
/// assembly, which the build stamps. Podman prints it in Go's ANSIC layout
/// ("Mon Jan _2 15:04:05 2006") and as Unix seconds in JSON.
/// </summary>
public static class BuildTime
{
    private static readonly Lazy<DateTimeOffset?> Stamp = new(Read);

    public static string Ansic => Stamp.Value is { } time
        ? time.ToLocalTime().ToString("ddd MMM ", CultureInfo.InvariantCulture)
            + time.ToLocalTime().Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
            + time.ToLocalTime().ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture)
        : "";

    public static long UnixSeconds => Stamp.Value?.ToUnixTimeSeconds() ?? 0;

    private static DateTimeOffset? Read()
    {
        var path = typeof(BuildTime).Assembly.Location;
        return path.Length > 0 && File.Exists(path)
            ? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero)
            : null;
    }
}
