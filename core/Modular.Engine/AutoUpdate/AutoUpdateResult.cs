namespace Modular.Engine.AutoUpdate;

/// <summary>
/// The reports (null when no container has a policy, so nothing is printed) and the
/// errors met on the way; a misconfigured container never stops the others.
/// </summary>
public sealed record AutoUpdateResult(
    IReadOnlyList<AutoUpdateReport>? Reports,
    IReadOnlyList<string> Errors);
