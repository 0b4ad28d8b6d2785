namespace Modular.Engine.Health;

/// <summary>
/// How one result moves the status, Podman's rules: a pass makes the container healthy
/// and clears the streak; a failure inside the start period does not count; a counted
/// failure grows the streak, and once it reaches the retries the container is unhealthy.
/// Below that the status stays as it was (starting stays starting).
/// </summary>
public static class HealthTransition
{
    public static HealthState Apply(
        HealthState current,
        HealthLogEntry result,
        bool inStartPeriod,
        int retries,
        int keep = HealthState.MaxLogEntries)
    {
        var log = HealthLogOptions.Keep(current.Log.Append(result), keep);
        if (result.ExitCode == 0)
        {
            return new HealthState(HealthState.Healthy, 0, log);
        }

        if (inStartPeriod)
        {
            return current with { Log = log };
        }

        var streak = current.FailingStreak + 1;
        var status = streak >= retries ? HealthState.Unhealthy : current.Status;
        return new HealthState(status, streak, log);
    }
}
