using System.Runtime.InteropServices;

namespace Modular.Engine.Containers.Top;

/// <summary>
/// The wall clock in nanoseconds: psgo's ELAPSED is Go's time.Since, printed at nanosecond
/// precision, which DateTimeOffset's 100ns ticks cannot give.
/// </summary>
internal static partial class RealtimeClock
{
    private const int ClockRealtime = 0;

    public static long UnixNanoseconds()
    {
        if (ClockGetTime(ClockRealtime, out var now) != 0)
        {
            return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        }

        return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
