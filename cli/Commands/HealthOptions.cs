using System.CommandLine;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The <c>--health-*</c> flags of create and run; the engine checks the values.</summary>
public sealed class HealthOptions
{
    public Option<string?> Command { get; } =
        Value("--health-cmd", "Command to check health: a shell command, a JSON argv, or none");
    public Option<string?> Interval { get; } =
        Value("--health-interval", "Time between checks, e.g. 30s or 1m30s; disable for none (default 30s)");
    public Option<int?> Retries { get; } =
        Number("--health-retries", "Consecutive failures before the container is unhealthy (default 3)");
    public Option<string?> StartPeriod { get; } =
        Value("--health-start-period", "Time after start in which failures do not count (default 0s)");
    public Option<string?> Timeout { get; } =
        Value("--health-timeout", "Time a check may take before it counts as failed (default 30s)");
    public Option<bool> Disabled { get; } =
        Switch("--no-healthcheck", "Run no healthcheck, not even the image's");
    public Option<string?> OnFailure { get; } =
        Value("--health-on-failure", "Action once unhealthy: none, kill, restart or stop");
    public Option<string?> LogDestination { get; } =
        Value("--health-log-destination", "Where the health log goes: local (the container's state), events_logger or a directory (default local)");
    public Option<int?> MaxLogCount { get; } =
        Number("--health-max-log-count", "Results kept in the health log; 0 keeps every one (default 5)");
    public Option<int?> MaxLogSize { get; } =
        Number("--health-max-log-size", "Characters of each check's output kept; 0 keeps all (default 500)");

    public HealthFlags ToFlags(ParseResult r) => new(
        r.GetValue(Command),
        r.GetValue(Interval),
        r.GetValue(Retries),
        r.GetValue(StartPeriod),
        r.GetValue(Timeout),
        r.GetValue(Disabled),
        r.GetValue(OnFailure),
        r.GetValue(LogDestination),
        r.GetValue(MaxLogCount),
        r.GetValue(MaxLogSize));
}
