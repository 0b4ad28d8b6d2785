using System.Globalization;

namespace Modular.Api;

/// <summary>
/// systemd socket activation (sd_listen_fds(3)): when LISTEN_PID is this process and
/// LISTEN_FDS is at least 1, fd 3 is the listening socket to serve instead of binding
/// the URI. The variables are cleared so containers and helpers do not inherit them.
/// </summary>
public static class SocketActivation
{
    /// <summary>The first passed descriptor (SD_LISTEN_FDS_START).</summary>
    public const int FirstDescriptor = 3;

    /// <summary>The listening descriptor handed over, or null when not socket-activated.</summary>
    public static int? TakeListener()
    {
        var pid = Environment.GetEnvironmentVariable("LISTEN_PID");
        var count = Environment.GetEnvironmentVariable("LISTEN_FDS");
        if (pid is null || count is null)
        {
            return null;
        }

        Environment.SetEnvironmentVariable("LISTEN_PID", null);
        Environment.SetEnvironmentVariable("LISTEN_FDS", null);
        Environment.SetEnvironmentVariable("LISTEN_FDNAMES", null);
        var forUs = int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var target)
            && target == Environment.ProcessId;
        var fds = int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return forUs && fds >= 1 ? FirstDescriptor : null;
    }
}
