namespace Modular.Engine.Images.Management;

/// <summary>What <c>image prune</c> removes, its <c>--filter</c>s already parsed.</summary>
/// <param name="All">-a: every image no container uses, not only dangling ones.</param>
/// <param name="Until">until=: only images created before this time.</param>
/// <param name="Labels">label= (Negated false) and label!= (true) filters: KEY or KEY=VALUE.</param>
/// <param name="Dangling">dangling=: overrides -a's choice when given.</param>
public sealed record ImagePruneOptions(
    bool All,
    DateTimeOffset? Until = null,
    IReadOnlyList<(string Filter, bool Negated)>? Labels = null,
    bool? Dangling = null);
