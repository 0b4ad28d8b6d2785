using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Modular.Engine.Logging;

/// <summary>
/// Writes log lines to stderr as Podman's terminal output does (<c>WARN[0000] message</c>:
/// level, then seconds since the process started), so warnings read the same from either
/// tool; stdout carries command output only. Exceptions are appended at debug level and
/// below, where stack traces belong.
/// </summary>
/// <remarks>
/// Our own code rather than Microsoft.Extensions.Logging.Console: that provider pulls in
/// the configuration binder and options machinery and starts a queue thread, which
/// measured as the largest single start-up cost of every modpod command, for a CLI that
/// at its default level logs almost nothing.
/// </remarks>
public sealed class StderrLoggerProvider(LogLevel minimum, TextWriter? writer = null) : ILoggerProvider
{
    private static readonly DateTime Started = Process.GetCurrentProcess().StartTime;
    private readonly TextWriter _writer = writer ?? Console.Error;
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new StderrLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var elapsed = (long)(DateTime.Now - Started).TotalSeconds;
        lock (_gate)
        {
            _writer.Write($"{Label(level)}[{elapsed:0000}] {message}\n");
            if (exception is not null && level <= LogLevel.Debug)
            {
                _writer.Write($"{exception}\n");
            }
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRAC",
        LogLevel.Debug => "DEBU",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERRO",
        _ => "FATA",
    };

    private sealed class StderrLogger(StderrLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel != LogLevel.None && logLevel >= provider.Minimum;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (!string.IsNullOrEmpty(message))
            {
                provider.Write(logLevel, message, exception);
            }
        }
    }

    private LogLevel Minimum => minimum;
}
