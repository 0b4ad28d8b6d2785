using Microsoft.Extensions.Logging;

namespace Modular.Engine.Images;

public sealed partial class ImagePusher
{
    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Debug,
            Message = "Recompressed layer {DiffId} as {Compression}: blob {Digest}")]
        public static partial void Recompressed(
            ILogger logger,
            string diffId,
            string compression,
            string digest);
    }
}
