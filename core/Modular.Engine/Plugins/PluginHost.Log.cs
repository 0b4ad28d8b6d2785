using Microsoft.Extensions.Logging;

namespace Modular.Engine.Plugins;

public sealed partial class PluginHost
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded {Kind} plugin {Id} from {AssemblyPath}")]
        public static partial void PluginLoaded(ILogger logger, string kind, string id, string assemblyPath);
    }
}
