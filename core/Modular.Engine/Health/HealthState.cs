namespace Modular.Engine.Health;

/// <summary>
/// Podman's <c>State.Health</c>: the status word, the count of consecutive failures that
/// counted, and the last few results, oldest first.
/// </summary>
public sealed record HealthState(string Status, int FailingStreak, IReadOnlyList<HealthLogEntry> Log)
{
    public const string Starting = "starting";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    /// <summary>Podman keeps five results.</summary>
    public const int MaxLogEntries = 5;

    public static readonly HealthState Initial = new(Starting, 0, []);
}

/// <summary>One check: when it ran, how it exited and what it printed (truncated).</summary>
public sealed record HealthLogEntry(DateTimeOffset Start, DateTimeOffset End, int ExitCode, string Output);
