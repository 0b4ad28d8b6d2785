using System.Globalization;
using System.Runtime.InteropServices;
using CliWrap;
using CliWrap.Buffered;
using Modular.Engine.Containers;

namespace Modular.Engine.Health;

/// <summary>
/// The process that runs a container's healthcheck on its interval. There is no daemon
/// and no systemd to own a timer, and the CLI that started the container exits at once,
/// so each running container with a check gets one detached process of its own: modpod
/// itself with the hidden <c>healthcheck timer ID</c> command, in a new session (setsid)
/// with stdio on /dev/null, so no terminal or pipe of the CLI ties it to the caller. Its
/// pid and start time go into the container's state; whoever ends the run (stop, the
/// exit command, rm) kills it by that pid, and the timer also ends by itself as soon as
/// it sees the container is not running or the state names another timer.
/// </summary>
public static partial class HealthTimer
{
    // `setsid` in a background job of a non-interactive sh is not a group leader, so it
    // execs in place and $! is the timer's own pid.
    private const string Script = "setsid \"$0\" \"$@\" </dev/null >/dev/null 2>&1 & echo $!";

    private const int SigKill = 9;

    /// <summary>Starts the timer; returns its pid and start ticks, or (0, 0) if it did not start.</summary>
    public static async Task<(int Pid, long StartTicks)> SpawnAsync(
        string executable,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap("/bin/sh")
            .WithArguments(["-c", Script, executable, .. arguments])
            .WithEnvironmentVariables(environment.ToDictionary(p => p.Key, p => (string?)p.Value))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (!int.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return (0, 0);
        }

        return (pid, ProcessStartTime.Read(pid) ?? 0);
    }

    /// <summary>Kills the timer named by pid and start ticks, unless it is this very process.</summary>
    public static void Stop(int pid, long startTicks)
    {
        // The timer itself may end the run it watches (a check that finds the container
        // gone cleans it up); it then exits on its own rather than kill itself mid-write.
        if (pid <= 0 || pid == Environment.ProcessId || !ProcessStartTime.IsAlive(pid, startTicks))
        {
            return;
        }

        _ = kill(pid, SigKill);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
