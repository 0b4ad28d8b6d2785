using Microsoft.Extensions.Logging;

namespace Modular.Engine.Events;

public sealed partial class EventLog
{
    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Hook plugin {Id} failed on event {Status}: {Error}")]
        public static partial void HookFailed(ILogger logger, string id, string status, string error);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Hook plugin {Id} is not installed; events go without it")]
        public static partial void HookMissing(ILogger logger, string id);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Hook plugin {Id} failed to load: {Error}")]
        public static partial void HookLoadFailed(ILogger logger, string id, string error);
    }
}
