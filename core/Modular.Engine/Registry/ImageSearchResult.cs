namespace Modular.Engine.Registry;

/// <summary>
/// One row of <c>search</c>, with Podman's field names (they are the JSON keys and the
/// Go-template fields): Official and Automated are "[OK]" or empty.
/// </summary>
public sealed record ImageSearchResult(
    string Index,
    string Name,
    string Description,
    int Stars,
    string Official,
    string Automated,
    string Tag);
