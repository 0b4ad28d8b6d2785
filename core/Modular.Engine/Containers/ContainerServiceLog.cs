using Microsoft.Extensions.Logging;

namespace Modular.Engine.Containers;

/// <summary>Log messages of the container service.</summary>
internal static partial class ContainerServiceLog
{
    // Podman's wording, which scripts and people grep for.
    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "StopSignal {StopSignal} failed to stop container {ContainerName} in {Seconds} seconds, resorting to SIGKILL")]
    public static partial void GraceExpired(ILogger logger, string stopSignal, string containerName, long seconds);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Restarting container {ContainerName} by its restart policy failed: {Reason}")]
    public static partial void RestartFailed(ILogger logger, string containerName, string reason);
}
