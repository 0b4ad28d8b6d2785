using Microsoft.Extensions.Logging;

namespace Modular.Engine.Containers;

/// <summary>The warning for a --ulimit value lowered to the limit this process holds.</summary>
internal static partial class UlimitLog
{
    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "ulimit {Requested} lowered to {Applied}: the hard limit this process holds "
            + "(raising it needs CAP_SYS_RESOURCE)")]
    public static partial void Lowered(ILogger logger, string requested, string applied);
}
