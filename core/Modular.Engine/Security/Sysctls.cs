using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// --sysctl with Podman's rules: only namespaced sysctls (IPC ones and net.*), refused when
/// the namespace they belong to is the host's, with Podman's wording.
/// </summary>
internal static class Sysctls
{
    private static readonly HashSet<string> IpcNames =
    [
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall",
        "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    ];

    public static Dictionary<string, string> Parse(
        IReadOnlyList<string> values,
        string networkMode,
        string ipcMode)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var (key, setting) = Split(value);
            var ipc = IpcNames.Contains(key) || key.StartsWith("fs.mqueue.", StringComparison.Ordinal);
            if (!ipc && !key.StartsWith("net.", StringComparison.Ordinal))
            {
                throw new InvalidInputException($"sysctl '{key}' is not allowed");
            }

            if (ipc && ipcMode == "host")
            {
                throw new InvalidInputException(
                    $"sysctl {key}={setting} can't be set since IPC Namespace set to host: invalid argument");
            }

            if (!ipc && networkMode == "host")
            {
                throw new InvalidInputException(
                    $"sysctl {key}={setting} can't be set since Network Namespace set to host: "
                    + "invalid argument");
            }

            result[key] = setting;
        }

        return result;
    }

    private static (string Key, string Value) Split(string value)
    {
        var parts = value.Split('=', 2);
        if (parts.Length != 2)
        {
            throw new InvalidInputException(
                $"{value} is invalid, sysctl values must be in the form of KEY=VALUE");
        }

        return parts[0].Trim() == parts[0] && parts[1].Trim() == parts[1]
            ? (parts[0], parts[1])
            : throw new InvalidInputException($"'{value}' is invalid, extra spaces found");
    }
}
