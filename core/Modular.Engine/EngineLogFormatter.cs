using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Modular.Engine;

/// <summary>
/// Writes log lines as Podman's terminal output does (<c>WARN[0000] message</c>: level, then
/// seconds since the process started), so warnings read the same from either tool.
/// Exceptions are appended only at debug level and below, where stack traces belong.
/// </summary>
public sealed class EngineLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "modpod";

    private static readonly DateTime Started = Process.GetCurrentProcess().StartTime;

    public override void Write<TState>(
        in LogEntry<TState> logEntry,
        IExternalScopeProvider? scopeProvider,
        TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message))
        {
            return;
        }

        var elapsed = (long)(DateTime.Now - Started).TotalSeconds;
        textWriter.Write($"{Level(logEntry.LogLevel)}[{elapsed:0000}] {message}\n");
        if (logEntry.Exception is { } exception && logEntry.LogLevel <= LogLevel.Debug)
        {
            textWriter.Write($"{exception}\n");
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRAC",
        LogLevel.Debug => "DEBU",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERRO",
        _ => "FATA",
    };
}
