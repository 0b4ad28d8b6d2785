using Microsoft.Extensions.Logging;

namespace Modular.Engine.Networks;

public sealed partial class NetworkService
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Recording network event {Status} for {Network} failed: {Reason}")]
        public static partial void EventNotRecorded(ILogger logger, string status, string network, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Undoing the network setup of container {ContainerId} failed: {Reason}")]
        public static partial void UndoFailed(ILogger logger, string containerId, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Leased {Address} on network {Network} to container {ContainerId}")]
        public static partial void Leased(ILogger logger, string address, string network, string containerId);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Freed the leases of container {ContainerId} on network {Network}")]
        public static partial void Freed(ILogger logger, string containerId, string network);
    }
}
