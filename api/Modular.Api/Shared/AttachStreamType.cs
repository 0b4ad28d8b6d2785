using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// The Content-Type of an attach answer. Without a terminal the frames are multiplexed,
/// but clients older than Docker API 1.42 (libpod 4.7.0) were told "raw-stream" for both,
/// and some of them check the header, so those prefixes get the old name.
/// </summary>
public static class AttachStreamType
{
    private static readonly Version DockerMultiplexed = new(1, 42);
    private static readonly Version LibpodMultiplexed = new(4, 7, 0);

    public static string For(HttpContext http, bool tty, bool libpod)
    {
        if (tty)
        {
            return HijackedConnection.RawStream;
        }

        var minimum = libpod ? LibpodMultiplexed : DockerMultiplexed;
        return Version.TryParse(http.Version(), out var asked) && asked < minimum
            ? HijackedConnection.RawStream
            : HijackedConnection.MultiplexedStream;
    }
}
