using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// Parses --security-opt values with Podman's keys and errors. label= is accepted and kept
/// for inspect: Podman ignores label options where SELinux is disabled, and Modular does not
/// label yet. apparmor= names a profile only where AppArmor is enabled (see <see cref="AppArmor"/>).
/// </summary>
internal static class SecurityOptions
{
    public static SecuritySettings Apply(SecuritySettings settings, IReadOnlyList<string> options)
    {
        foreach (var option in options)
        {
            settings = ApplyOne(settings, option);
        }

        return settings with { SecurityOpts = options };
    }

    private static SecuritySettings ApplyOne(SecuritySettings settings, string option)
    {
        if (option == "no-new-privileges")
        {
            return settings with { NoNewPrivileges = true };
        }

        // Docker's deprecated KEY:VALUE spelling still works, as in Podman.
        var parts = option.Contains('=') ? option.Split('=', 2) : option.Split(':', 2);
        if (parts.Length != 2)
        {
            throw new InvalidInputException($"invalid --security-opt 1: {Quote(option)}");
        }

        var value = parts[1];
        return parts[0] switch
        {
            "seccomp" => settings with { SeccompProfile = SeccompValue(value) },
            "no-new-privileges" => settings with { NoNewPrivileges = ParseBool(value, option) },
            "mask" => settings with { Mask = [.. settings.Mask, .. Paths(value)] },
            "unmask" => settings with { Unmask = [.. settings.Unmask, .. Paths(value)] },
            "systempaths" => value == "unconfined"
                ? settings with { Unmask = [.. settings.Unmask, "ALL"] }
                : throw new InvalidInputException(
                    $"invalid systempaths option {Quote(value)}, only `unconfined` is supported"),
            "apparmor" => settings with { ApparmorProfile = AppArmor.Check(value) },
            "proc-opts" => settings with { ProcOpts = value.Split(',') },
            "label" or "seccomp-policy" => settings,
            _ => throw new InvalidInputException($"invalid --security-opt 2: {Quote(option)}"),
        };
    }

    // A profile path must be readable at create, as Podman reads it then; an empty value
    // is Podman's "no path given", the default profile.
    private static string SeccompValue(string value)
    {
        if (value is "unconfined" or "")
        {
            return value;
        }

        var path = Path.GetFullPath(value);
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"opening seccomp profile failed: read {value}: is a directory");
        }

        return File.Exists(path)
            ? path
            : throw new InvalidInputException(
                $"opening seccomp profile failed: open {value}: no such file or directory");
    }

    private static bool ParseBool(string value, string option) => value switch
    {
        "true" or "1" or "t" or "T" or "TRUE" or "True" => true,
        "false" or "0" or "f" or "F" or "FALSE" or "False" => false,
        _ => throw new InvalidInputException($"invalid --security-opt 2: {Quote(option)}"),
    };

    private static string[] Paths(string value) =>
        value.Split(':', StringSplitOptions.RemoveEmptyEntries);

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
