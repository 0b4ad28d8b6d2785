namespace Modular.Cli.Commands;

/// <summary>The <c>ps</c> flags, read and checked.</summary>
public sealed record PsRequest(
    bool All,
    bool Quiet,
    bool NoTrunc,
    string? Format,
    IReadOnlyList<string> Filters,
    bool NoHeading,
    bool Latest,
    int? Last,
    string? Sort,
    bool Size,
    bool Namespaces,
    bool Pod)
{
    /// <summary><c>--external</c>: also list build containers (a RUN step in progress).</summary>
    public bool External { get; init; }
}
