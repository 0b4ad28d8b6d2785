using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>
/// An image reference split the way containers/image does: an optional domain (the first
/// component when it holds '.' or ':', is <c>localhost</c>, or has an uppercase letter),
/// a lowercase repository path, an optional tag and an optional digest.
/// </summary>
public sealed partial record ImageReference(
    string? Domain,
    string Path,
    string? Tag,
    string? Digest)
{
    public const string DefaultTag = "latest";

    /// <summary>True when the input named its registry; short names are not.</summary>
    public bool IsFullyQualified => Domain is not null;

    /// <summary>domain/path (or just path for a short name).</summary>
    public string Repository => Domain is null ? Path : $"{Domain}/{Path}";

    /// <summary>Parses <paramref name="input"/>; refuses it with Podman's wording.</summary>
    /// <exception cref="InvalidInputException">The reference is malformed.</exception>
    public static ImageReference Parse(string input)
    {
        var rest = input;
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                throw Invalid(input, "invalid digest");
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                throw Invalid(input, "invalid tag");
            }
        }

        var (domain, path) = SplitDomain(rest);
        ValidatePath(input, path);
        return new ImageReference(domain, path, tag, digest);
    }

    /// <summary>True when <paramref name="input"/> parses as a reference.</summary>
    public static bool TryParse(string input, out ImageReference? reference)
    {
        try
        {
            reference = Parse(input);
            return true;
        }
        catch (InvalidInputException)
        {
            reference = null;
            return false;
        }
    }

    /// <summary>The same reference with <c>:latest</c> when it had neither tag nor digest.</summary>
    public ImageReference WithDefaultTag() =>
        Tag is null && Digest is null ? this with { Tag = DefaultTag } : this;

    /// <summary>A short name placed under <paramref name="domain"/>; qualified ones unchanged.</summary>
    public ImageReference Qualify(string domain)
    {
        if (Domain is not null)
        {
            return this;
        }

        // Docker Hub keeps official images under library/, as Podman and Docker both assume.
        var path = domain == "docker.io" && !Path.Contains('/') ? $"library/{Path}" : Path;
        return this with { Domain = domain, Path = path };
    }

    /// <summary>repository:tag, or repository@digest when there is no tag.</summary>
    public override string ToString()
    {
        var text = Repository;
        if (Tag is not null)
        {
            text += ":" + Tag;
        }

        return Digest is null ? text : text + "@" + Digest;
    }

    private static (string? Domain, string Path) SplitDomain(string name)
    {
        var slash = name.IndexOf('/');
        if (slash < 0)
        {
            return (null, name);
        }

        var first = name[..slash];
        var isDomain = first.Contains('.') || first.Contains(':') || first == "localhost"
            || first.Any(char.IsUpper);
        return isDomain ? (first, name[(slash + 1)..]) : (null, name);
    }

    private static void ValidatePath(string input, string path)
    {
        if (path.Length == 0)
        {
            throw Invalid(input, "invalid reference format");
        }

        if (path.Any(char.IsUpper))
        {
            throw Invalid(input, "invalid reference format: repository name must be lowercase");
        }

        if (path.Split('/').Any(part => !ComponentPattern().IsMatch(part)))
        {
            throw Invalid(input, "invalid reference format");
        }
    }

    private static InvalidInputException Invalid(string input, string why) =>
        new($"parsing reference \"{input}\": {why}");

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$")]
    private static partial Regex ComponentPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();
}
