namespace Modular.Engine.Build.Syntax;

/// <summary>
/// <c>HEALTHCHECK NONE</c> (<see cref="Command"/> null) or <c>HEALTHCHECK [options] CMD ...</c>.
/// Durations unset stay null (the image inherits or defaults them); <see cref="Test"/> is the
/// image config's Healthcheck.Test.
/// </summary>
public sealed record HealthcheckInstruction(
    string Original,
    int Line,
    CommandForm? Command,
    TimeSpan? Interval = null,
    TimeSpan? Timeout = null,
    TimeSpan? StartPeriod = null,
    TimeSpan? StartInterval = null,
    int? Retries = null)
    : Instruction("HEALTHCHECK", Original, Line)
{
    /// <summary><c>["NONE"]</c>, <c>["CMD-SHELL", text]</c> or <c>["CMD", args...]</c>.</summary>
    public IReadOnlyList<string> Test => Command switch
    {
        null => ["NONE"],
        { IsExec: true } => ["CMD", .. Command.Words],
        _ => ["CMD-SHELL", Command.Words[0]],
    };
}
