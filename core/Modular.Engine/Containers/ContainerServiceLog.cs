using Microsoft.Extensions.Logging;

namespace Modular.Engine.Containers;

/// <summary>Log messages of the container service.</summary>
internal static partial class ContainerServiceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {ContainerId} ignored its stop signal for {Grace}; sending SIGKILL")]
    public static partial void GraceExpired(ILogger logger, string containerId, TimeSpan grace);
}
