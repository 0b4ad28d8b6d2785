namespace Modular.Engine.Maintenance;

/// <summary><c>system prune</c> flags: -a (every unused image), --volumes, --filter KEY=VALUE.</summary>
public sealed record SystemPruneOptions(bool All, bool Volumes, IReadOnlyList<string> Filters);
