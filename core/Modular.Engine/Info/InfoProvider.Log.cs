using Microsoft.Extensions.Logging;

namespace Modular.Engine.Info;

public sealed partial class InfoProvider
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Id} is unavailable: {Error}")]
        public static partial void BackendUnavailable(ILogger logger, string kind, string id, string error);
    }
}
