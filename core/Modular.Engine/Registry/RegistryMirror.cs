namespace Modular.Engine.Registry;

/// <summary>A <c>[[registry.mirror]]</c> table.</summary>
/// <param name="PullFromMirror"><c>all</c> (default), <c>digest-only</c> or <c>tag-only</c>.</param>
public sealed record RegistryMirror(string Location, bool Insecure, string PullFromMirror = "all")
{
    /// <summary>Whether this mirror serves a pull by digest (true) or by tag (false).</summary>
    public bool Serves(bool byDigest) => PullFromMirror switch
    {
        "digest-only" => byDigest,
        "tag-only" => !byDigest,
        _ => true,
    };
}
