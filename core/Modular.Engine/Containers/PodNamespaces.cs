using Modular.Contracts.Errors;
using Modular.Engine.Pods;
using Modular.Engine.Security;

namespace Modular.Engine.Containers;

/// <summary>
/// Which of its pod's namespaces a member joins. Podman gives a member the pod's namespace
/// only where the member's own flag (--ipc, --uts, --pid, --cgroupns, --network) is unset;
/// a mode the user typed, host or private included, is kept.
/// </summary>
public static class PodNamespaces
{
    /// <summary>True when the member joins the pod's <paramref name="kind"/> namespace.</summary>
    public static bool Joins(PodConfig pod, string kind, SecurityFlags flags) =>
        pod.InfraId.Length > 0 && pod.Shares(kind) && string.IsNullOrEmpty(Flag(kind, flags));

    /// <summary>True when --network named a mode or networks of the member's own.</summary>
    public static bool ChoosesOwnNetwork(CreateContainerRequest request) =>
        request.Network is { Length: > 0 } || request.Networks.Count > 0;

    /// <summary>
    /// A hostname needs a UTS namespace of the container's own: Podman refuses one with
    /// --uts host, container: or ns: (its message names the host case for all of them).
    /// </summary>
    public static void CheckHostname(CreateContainerRequest request)
    {
        if (request.Hostname is { Length: > 0 } && request.Security.Uts is { Length: > 0 } uts
            && uts != "private")
        {
            throw new InvalidInputException(
                "invalid config provided: cannot set hostname when running in the host UTS namespace: "
                + "invalid configuration");
        }
    }

    private static string? Flag(string kind, SecurityFlags flags) => kind switch
    {
        "ipc" => flags.Ipc,
        "uts" => flags.Uts,
        "pid" => flags.Pid,
        "cgroup" => flags.Cgroupns,
        _ => null,
    };
}
