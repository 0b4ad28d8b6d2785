namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The build and target platforms behind the predefined ARGs TARGETPLATFORM, TARGETOS,
/// TARGETARCH, TARGETVARIANT and their BUILD* twins, as <c>os/arch[/variant]</c>.
/// </summary>
public sealed record BuildPlatforms(string Build, string Target)
{
    public static BuildPlatforms Host { get; } = new(HostPlatform(), HostPlatform());

    /// <summary>The predefined arguments these platforms give, variant omitted when empty.</summary>
    public IReadOnlyDictionary<string, string> Arguments()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(values, "TARGET", Target);
        Add(values, "BUILD", Build);
        return values;
    }

    private static void Add(Dictionary<string, string> values, string prefix, string platform)
    {
        var parts = platform.Split('/');
        values[prefix + "PLATFORM"] = platform;
        values[prefix + "OS"] = parts[0];
        values[prefix + "ARCH"] = parts.Length > 1 ? parts[1] : "";
        values[prefix + "VARIANT"] = parts.Length > 2 ? parts[2] : "";
    }

    private static string HostPlatform()
    {
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "amd64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64/v8",
            System.Runtime.InteropServices.Architecture.Arm => "arm/v7",
            System.Runtime.InteropServices.Architecture.X86 => "386",
            System.Runtime.InteropServices.Architecture.S390x => "s390x",
            System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
            var other => other.ToString().ToLowerInvariant(),
        };
        return "linux/" + arch;
    }
}
