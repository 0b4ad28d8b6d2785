using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>
/// A build's <c>--platform</c> value read as Buildah reads it (containerd's specifier
/// rules): <c>os</c>, <c>arch</c>, <c>os/arch</c> or <c>os/arch/variant</c>, and a
/// comma-separated list of those. A lone word is an OS (host architecture) or an
/// architecture (linux); anything else is refused with Buildah's wording, so a client sees
/// the same text it would from Podman.
/// </summary>
public static partial class PlatformSpecifier
{
    private const string ComponentPattern = "^[A-Za-z0-9_.-]+$";

    private static readonly HashSet<string> KnownOs =
    [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
        "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
    ];

    private static readonly HashSet<string> KnownArchitectures =
    [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le",
        "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
        "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
    ];

    /// <summary>Every platform of a comma-separated list; the first bad one throws.</summary>
    public static IReadOnlyList<Platform> ParseList(string text) =>
        [.. text.Split(',').Select(ParseOne)];

    /// <summary>One specifier; <c>""</c> and <c>local</c> mean the host.</summary>
    public static Platform ParseOne(string text)
    {
        var trimmed = text.Trim('/');
        if (trimmed is "" or "local")
        {
            return Platform.Host();
        }

        try
        {
            return Parse(trimmed);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException(
                $"invalid platform syntax for --platform=\"{trimmed}\": {e.Message}", e);
        }
    }

    private static Platform Parse(string specifier)
    {
        if (specifier.Contains('*'))
        {
            throw Invalid($"\"{specifier}\": wildcards not yet supported");
        }

        var parts = specifier.Split('/');
        CheckComponents(specifier, parts);
        return parts.Length switch
        {
            1 => Single(specifier, parts[0].ToLowerInvariant()),
            2 => Platform.Normalise(parts[0], parts[1], ""),
            3 => Platform.Normalise(parts[0], parts[1], parts[2]),
            _ => throw Invalid($"\"{specifier}\": cannot parse platform specifier"),
        };
    }

    /// <summary>A lone word: an OS on the host's architecture, or an architecture of linux.</summary>
    private static Platform Single(string specifier, string word)
    {
        if (KnownOs.Contains(word))
        {
            return Platform.Normalise(word, Platform.Host().Architecture, "");
        }

        var platform = Platform.Normalise("linux", word, "");
        return KnownArchitectures.Contains(platform.Architecture)
            ? platform
            : throw Invalid($"\"{specifier}\": unknown operating system or architecture");
    }

    private static void CheckComponents(string specifier, string[] parts)
    {
        foreach (var part in parts)
        {
            if (!Component().IsMatch(part))
            {
                throw Invalid(
                    $"\"{part}\" is an invalid component of \"{specifier}\": platform specifier "
                    + $"component must match \"{ComponentPattern}\"");
            }
        }
    }

    // containerd ends each of these with errdefs' "invalid argument".
    private static InvalidInputException Invalid(string message) => new(message + ": invalid argument");

    [GeneratedRegex(ComponentPattern)]
    private static partial Regex Component();
}
