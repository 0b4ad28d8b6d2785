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

    // run --rmi when another container still uses the image: the message says so.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed to remove image {Image}: {Reason}")]
    public static partial void ImageNotRemoved(ILogger logger, string image, string reason);
}
