using System.Text.RegularExpressions;

namespace Modular.Engine.Registry;

/// <summary>A WWW-Authenticate challenge: its scheme and parameters (realm, service, scope).</summary>
public sealed partial record BearerChallenge(
    string Scheme,
    IReadOnlyDictionary<string, string> Parameters)
{
    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    /// <summary>Parses <c>Bearer realm="...",service="..."</c> (or <c>Basic realm="..."</c>).</summary>
    public static BearerChallenge Parse(string header)
    {
        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ParameterPattern().Matches(space < 0 ? "" : header[space..]))
        {
            parameters[match.Groups[1].Value] = match.Groups[2].Value;
        }

        return new BearerChallenge(scheme, parameters);
    }

    [GeneratedRegex("([A-Za-z_]+)=\"([^\"]*)\"")]
    private static partial Regex ParameterPattern();
}
