using Microsoft.Extensions.Logging;

namespace Modular.Engine.Containers.Networking;

/// <summary>Log messages of the container networking steps.</summary>
internal static partial class NetworkingLog
{
    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Tearing down the network of container {ContainerName}: {Reason}")]
    public static partial void TeardownFailed(ILogger logger, string containerName, string reason);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Port mappings have been discarded because \"{Mode}\" network namespace mode does not support them")]
    public static partial void PortsDiscarded(ILogger logger, string mode);
}
