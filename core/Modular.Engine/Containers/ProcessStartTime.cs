using System.Globalization;

namespace Modular.Engine.Containers;

/// <summary>
/// A process's start time in clock ticks since boot (field 22 of /proc/PID/stat). A pid
/// plus its start time names one process for good, even after the pid is reused.
/// </summary>
public static class ProcessStartTime
{
    /// <summary>The start ticks, or null when the process does not exist or is a zombie.</summary>
    public static long? Read(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name may contain spaces and parentheses; fields resume after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

            // A killed conmon reparented to a PID 1 that does not reap stays a zombie: it is gone.
            return fields[0] is "Z" or "X" ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsAlive(int pid, long startTicks) => pid > 0 && Read(pid) == startTicks;
}
