using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Engine.Manifests;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The platform, annotation and registry flags <c>manifest add/annotate</c> share.</summary>
public sealed class PlatformFlags
{
    public Option<string?> Arch { get; } = Value("--arch", "Override the architecture of the image");

    public Option<string?> Os { get; } = Value("--os", "Override the operating system of the image");

    public Option<string?> Variant { get; } = Value("--variant", "Override the architecture variant of the image");

    public Option<string?> OsVersion { get; } = Value("--os-version", "Override the OS version of the image");

    public Option<string[]> Features { get; } = Values("--features", "Override the features of the image");

    public Option<string[]> OsFeatures { get; } = Values("--os-features", "Override the OS features of the image");

    public Option<string[]> Annotation { get; } = Values("--annotation", "Set an annotation KEY=VALUE");

    public Option<bool?> TlsVerify { get; } = new("--tls-verify")
    {
        Description = "Require HTTPS and verify certificates when accessing the registry",
    };

    public Option<string?> AuthFile { get; } = Value("--authfile", "Path of the authentication file");

    public Option<string?> Creds { get; } = Value("--creds", "Use USERNAME[:PASSWORD] for accessing the registry");

    public Symbol[] All => [Arch, Os, Variant, OsVersion, Features, OsFeatures, Annotation, TlsVerify, AuthFile, Creds];

    public ManifestAddOptions Read(ParseResult r) => new(
        Architecture: r.GetValue(Arch),
        Os: r.GetValue(Os),
        Variant: r.GetValue(Variant),
        OsVersion: r.GetValue(OsVersion),
        Features: [.. r.GetValue(Features)!.SelectMany(f => f.Split(','))],
        OsFeatures: [.. r.GetValue(OsFeatures)!.SelectMany(f => f.Split(','))],
        Annotations: Annotations(r.GetValue(Annotation)!),
        TlsVerify: r.GetValue(TlsVerify),
        AuthFile: r.GetValue(AuthFile),
        Credentials: r.GetValue(Creds));

    private static Dictionary<string, string> Annotations(string[] values)
    {
        var result = new Dictionary<string, string>();
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            if (eq <= 0)
            {
                throw new UsageException($"no value given for annotation \"{value}\"");
            }

            result[value[..eq]] = value[(eq + 1)..];
        }

        return result;
    }
}
