using Microsoft.Extensions.Logging;

namespace Modular.Plugins.Network.Cni;

/// <summary>The plugin's log messages.</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(Level = LogLevel.Trace, Message = "running {Program} {Arguments} with stdin {Input}")]
    public static partial void ProgramStarting(
        ILogger logger, string program, string arguments, string input);

    [LoggerMessage(Level = LogLevel.Trace,
        Message = "{Program} exited {ExitCode}; stdout {Output}; stderr {Error}")]
    public static partial void ProgramExited(
        ILogger logger, string program, int exitCode, string output, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "skipping unreadable network file {Path}: {Reason}")]
    public static partial void SkippedFile(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "network {Network}: {Step} for container {ContainerId}")]
    public static partial void Step(ILogger logger, string network, string step, string containerId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "network {Network}: teardown of container {ContainerId} reported {Reason}")]
    public static partial void TeardownProblem(
        ILogger logger, string network, string containerId, string reason);
}
