using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// The create flags <see cref="SpecGenerator"/> does not carry yet. A request that uses one
/// is refused before anything is sent, so a remote container never runs with a limit or a
/// security setting silently left out (a --memory or --cap-drop dropped on the way).
/// </summary>
internal static class SpecGeneratorLimits
{
    public static void Refuse(CreateContainerRequest request)
    {
        var security = request.Security;
        var resources = request.Resources;
        var unsupported = new (bool Used, string Flag)[]
        {
            (resources.AnyLimit || resources.CgroupParent is not null || resources.Cgroups is not null
                || resources.CgroupConf.Count > 0 || resources.DeviceCgroupRules.Count > 0
                || resources.Ulimits.Count > 0, "resource limits (--memory, --cpus, --pids-limit, --ulimit ...)"),
            (security.CapAdd.Count > 0 || security.CapDrop.Count > 0, "--cap-add/--cap-drop"),
            (security.Privileged, "--privileged"),
            (security.SecurityOpts.Count > 0, "--security-opt"),
            (security.ReadOnly, "--read-only"),
            (security.GroupAdd.Count > 0, "--group-add"),
            (security.Devices.Count > 0, "--device"),
            (security.Ulimits.Count > 0, "--ulimit"),
            (security.Sysctls.Count > 0, "--sysctl"),
            (security.Init || security.InitPath is not null, "--init"),
            (security.Ipc is not null || security.Pid is not null || security.Uts is not null
                || security.Cgroupns is not null, "--ipc/--pid/--uts/--cgroupns"),
            (security.ShmSize is not null, "--shm-size"),
            (request.Health != new HealthFlags(), "--health-*"),
            (request.UidMap.Count > 0 || request.GidMap.Count > 0, "--uidmap/--gidmap"),
            (request.PublishAll || request.Expose.Count > 0, "--publish-all/--expose"),
            (request.StaticIps.Count > 0 || request.MacAddress is not null, "--ip/--mac-address"),
            (request.LogDriver is not null || request.LogOptions.Count > 0, "--log-driver/--log-opt"),
            (request.Runtime is not null, "--runtime"),
            (request.UnsetEnv.Count > 0 || request.UnsetEnvAll, "--unsetenv"),
            (request.StopSignal is not null, "--stop-signal"),
            (request.Umask is not null, "--umask"),
            (request.NoHostname, "--no-hostname"),
            (request.PreserveFds > 0 || request.PreserveFd.Count > 0, "--preserve-fds"),
            (request.Timeout > 0, "--timeout"),
            (request.AutoRemoveImage, "--rmi"),
        };
        var used = unsupported.FirstOrDefault(item => item.Used);
        if (used.Used)
        {
            throw new CapabilityMissingException(
                $"{used.Flag} is not supported by the modpod remote client yet");
        }
    }
}
