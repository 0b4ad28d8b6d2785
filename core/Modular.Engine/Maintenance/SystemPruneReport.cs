namespace Modular.Engine.Maintenance;

/// <summary>What a system prune removed, by kind, and the bytes it freed.</summary>
public sealed record SystemPruneReport(
    IReadOnlyList<string> Containers,
    IReadOnlyList<string> Pods,
    IReadOnlyList<string> Images,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Volumes,
    long ReclaimedSpace);
