using Modular.Contracts.Errors;

namespace Modular.Engine.Health;

/// <summary>
/// Podman 5.4's health log options: where the results go (<c>local</c>, the container's
/// own state file; <c>events_logger</c>; or a directory), how many are kept and how much
/// of each output. Zero keeps everything.
/// </summary>
public static class HealthLogOptions
{
    public const string Local = "local";
    public const string EventsLogger = "events_logger";
    public const int DefaultCount = 5;
    public const int DefaultSize = 500;

    /// <summary>Podman's check: local, events_logger, or an existing directory (made absolute).</summary>
    public static string Destination(string? value)
    {
        if (value is null or Local or EventsLogger)
        {
            return value ?? Local;
        }

        if (File.Exists(value))
        {
            throw new InvalidInputException($"HealthCheck Log '{value}' destination must be directory");
        }

        if (!Directory.Exists(value))
        {
            throw new InvalidInputException(
                $"HealthCheck Log '{value}' destination error: stat {value}: no such file or directory");
        }

        return Path.GetFullPath(value);
    }

    public static int Count(int? value) => NotNegative(value, "health-max-log-count") ?? DefaultCount;

    public static int Size(int? value) => NotNegative(value, "health-max-log-size") ?? DefaultSize;

    /// <summary>The last <paramref name="count"/> results (all of them for 0).</summary>
    public static IReadOnlyList<HealthLogEntry> Keep(IEnumerable<HealthLogEntry> log, int count) =>
        count == 0 ? log.ToList() : log.TakeLast(count).ToList();

    /// <summary>An output cut to <paramref name="size"/> characters (whole for 0).</summary>
    public static string Cut(string output, int size) =>
        size == 0 || output.Length <= size ? output : output[..size];

    // The flags are unsigned in Podman: a negative value does not parse.
    private static int? NotNegative(int? value, string flag) => value is < 0
        ? throw new InvalidInputException(
            $"invalid argument \"{value}\" for \"--{flag}\" flag: strconv.ParseUint: parsing \"{value}\": invalid syntax")
        : value;
}
