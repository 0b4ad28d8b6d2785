using System.Globalization;

namespace Modular.Cli.Hosting;

/// <summary>
/// The --log-level messages on stderr, in the text form Podman's logger (logrus) writes:
/// <c>time="..." level=debug msg="..."</c>. Scripts and Podman's own tests grep for
/// <c> level=debug </c>, so the shape matters more than the wording.
/// </summary>
public static class CliLog
{
    /// <summary>Podman's levels, in the order its refusal lists them.</summary>
    public static readonly IReadOnlyList<string> Levels =
        ["trace", "debug", "info", "warn", "warning", "error", "fatal", "panic"];

    private static int _verbosity = Verbosity("warn");
    private static TextWriter _error = TextWriter.Null;

    public static void Configure(string level, TextWriter error)
    {
        _verbosity = Verbosity(level);
        _error = error;
    }

    public static bool Enabled(string level) => Verbosity(level) <= _verbosity;

    public static void Trace(string message) => Write("trace", message);

    public static void Debug(string message) => Write("debug", message);

    public static void Info(string message) => Write("info", message);

    // "warn" and "warning" are one level; the list keeps both spellings for validation.
    private static int Verbosity(string level) => level.ToLowerInvariant() switch
    {
        "panic" => 0,
        "fatal" => 1,
        "error" => 2,
        "warn" or "warning" => 3,
        "info" => 4,
        "debug" => 5,
        _ => 6,
    };

    private static void Write(string level, string message)
    {
        if (!Enabled(level))
        {
            return;
        }

        var time = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var text = message.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal);
        _error.WriteLine($"time=\"{time}\" level={level} msg=\"{text}\"");
        _error.Flush();
    }
}
