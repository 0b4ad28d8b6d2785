namespace Modular.TestImages;

/// <summary>"host:port/repo/path:tag" split into the registry host, repository and tag.</summary>
public sealed record PushTarget(string Host, string Repository, string Tag)
{
    public string Reference => $"{Host}/{Repository}:{Tag}";

    public static PushTarget Parse(string reference)
    {
        var slash = reference.IndexOf('/');
        if (slash <= 0)
        {
            throw new ArgumentException($"push target {reference} has no registry host");
        }

        var host = reference[..slash];
        var rest = reference[(slash + 1)..];
        var colon = rest.LastIndexOf(':');
        return colon < 0
            ? new PushTarget(host, rest, "latest")
            : new PushTarget(host, rest[..colon], rest[(colon + 1)..]);
    }
}
