using Modular.Cli.Errors;

namespace Modular.Cli.Commands;

/// <summary>Joins --platform, --os, --arch and --variant into one os/arch[/variant] string.</summary>
public static class Platforms
{
    public static string? Choose(string? platform, string? os, string? arch, string? variant)
    {
        if (platform is not null && (os ?? arch ?? variant) is not null)
        {
            throw new UsageException("--platform option can not be specified with --arch or --os");
        }

        if (platform is not null || (os ?? arch ?? variant) is null)
        {
            return platform;
        }

        var text = $"{os ?? "linux"}/{arch ?? HostArch()}";
        return variant is null ? text : $"{text}/{variant}";
    }

    private static string HostArch() => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
