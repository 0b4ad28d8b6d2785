namespace Modular.Cli.Commands;

/// <summary>
/// Prune's "all" filter: <c>--filter all=true</c> means what <c>--all</c> does (Docker's
/// API spells it so). Listing the candidates knows no such key, so it is taken out there.
/// </summary>
public static class VolumePruneFilters
{
    public static bool AllRequested(IEnumerable<string> filters) =>
        filters.Any(f => f.StartsWith("all=", StringComparison.Ordinal)
            && f[4..].ToLowerInvariant() is "true" or "1" or "y" or "yes");

    public static string[] WithoutAll(IEnumerable<string> filters) =>
        [.. filters.Where(f => !f.StartsWith("all=", StringComparison.Ordinal))];
}
