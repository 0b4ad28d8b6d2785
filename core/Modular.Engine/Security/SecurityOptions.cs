using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// Parses --security-opt values with Podman's keys and errors. SELinux and AppArmor are not
/// enabled on hosts Modular targets yet, so label= and apparmor= are accepted and kept for
/// inspect, as Podman accepts them where the host has neither.
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

        var parts = option.Split('=', 2);
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
            "label" or "apparmor" or "proc-opts" or "seccomp-policy" => settings,
            _ => throw new InvalidInputException($"invalid --security-opt 2: {Quote(option)}"),
        };
    }

    // A profile path must be readable at create, as Podman reads it then.
    private static string SeccompValue(string value)
    {
        if (value == "unconfined")
        {
            return value;
        }

        var path = Path.GetFullPath(value);
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
