using System.Collections;

namespace Modular.Engine.Conmon;

/// <summary>
/// conmon's environment, as Podman builds it: this process's whole environment (conmon
/// hands it to the exit command, which must see the same settings), without
/// NOTIFY_SOCKET (the container's readiness is not ours to report) and, for root, without
/// DBUS_SESSION_BUS_ADDRESS (root's containers use the system bus).
/// </summary>
public static class ConmonEnvironment
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static Dictionary<string, string> Inherited()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name == "NOTIFY_SOCKET" || (name == "DBUS_SESSION_BUS_ADDRESS" && Environment.IsPrivilegedProcess))
            {
                continue;
            }

            environment[name] = (string?)entry.Value ?? "";
        }

        environment.TryAdd("PATH", DefaultPath);
        return environment;
    }
}
