using System.Runtime.InteropServices;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>os/architecture[/variant] as in an OCI index, normalised as containers/image does.</summary>
public sealed record Platform(string Os, string Architecture, string Variant)
{
    /// <summary>Parses <c>--platform</c>: os/arch or os/arch/variant.</summary>
    public static Platform Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            throw new InvalidInputException($"invalid platform \"{text}\": expected OS/ARCH[/VARIANT]");
        }

        return Normalise(parts[0], parts[1], parts.Length == 3 ? parts[2] : "");
    }

    /// <summary>The host's platform; amd64 machines report linux/amd64.</summary>
    public static Platform Host() => Normalise("linux", RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        var other => other.ToString().ToLowerInvariant(),
    }, "");

    /// <summary>Aliases folded; arm64 without a variant means v8, arm without one v7.</summary>
    public static Platform Normalise(string os, string architecture, string? variant)
    {
        var arch = architecture.ToLowerInvariant() switch
        {
            "x86_64" or "x86-64" => "amd64",
            "aarch64" => "arm64",
            "armhf" => "arm",
            "i386" => "386",
            var a => a,
        };
        var v = (variant ?? "").ToLowerInvariant();
        v = (arch, v) switch
        {
            ("arm64", "" or "8") => "v8",
            ("arm", "") => "v7",
            ("arm", "5" or "6" or "7" or "8") => "v" + v,
            _ => v,
        };
        return new Platform(os.ToLowerInvariant(), arch, v);
    }

    /// <summary>
    /// True when an entry of a list offering <paramref name="offered"/> runs here. A
    /// wanted variant of "" accepts any variant of the architecture.
    /// </summary>
    public bool Accepts(Platform offered) =>
        Os == offered.Os && Architecture == offered.Architecture
        && (Variant.Length == 0 || Variant == offered.Variant || IsAmd64Default(offered));

    public override string ToString() =>
        Variant.Length == 0 ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    // amd64 micro-architecture levels are optional: a list entry without one is plain amd64.
    private bool IsAmd64Default(Platform offered) =>
        Architecture == "amd64" && offered.Variant.Length == 0;
}
