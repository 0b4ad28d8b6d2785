namespace Modular.Engine.Registry;

/// <summary>What <c>search</c> asks: the term and the flags of Podman's search command.</summary>
/// <param name="Term">TERM, or REGISTRY/TERM to search that registry only.</param>
/// <param name="Limit">Results per registry; 0 means Podman's default of 25.</param>
/// <param name="Filters">stars=N, is-official[=BOOL], is-automated[=BOOL].</param>
/// <param name="TlsVerify">null: registries.conf decides.</param>
public sealed record ImageSearchRequest(
    string Term,
    int Limit = 0,
    IReadOnlyList<string>? Filters = null,
    bool NoTrunc = false,
    bool ListTags = false,
    bool? TlsVerify = null,
    string? AuthFile = null,
    string? Credentials = null,
    string? CertDirectory = null);
