using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Security;

/// <summary>
/// The security fields of inspect's HostConfig, from the container's settings. CapAdd and
/// CapDrop are, as in Podman, the difference between the container's set and the default.
/// </summary>
public static class SecurityInspect
{
    public static JsonObject Apply(JsonObject hostConfig, ContainerConfig config)
    {
        var settings = config.Security;
        var defaults = Configuration.EngineDefaults.Capabilities.Select(Capabilities.Normalize).ToList();
        var caps = config.Capabilities;
        hostConfig["CapAdd"] = SecuritySpec.Strings(caps.Except(defaults).Order(StringComparer.Ordinal));
        hostConfig["CapDrop"] = SecuritySpec.Strings(defaults.Except(caps).Order(StringComparer.Ordinal));
        hostConfig["Privileged"] = settings.Privileged;
        hostConfig["ReadonlyRootfs"] = settings.ReadOnly;
        hostConfig["SecurityOpt"] = SecuritySpec.Strings(settings.SecurityOpts);
        hostConfig["UTSMode"] = settings.Uts;
        hostConfig["IpcMode"] = settings.Ipc;
        hostConfig["PidMode"] = settings.Pid;
        hostConfig["CgroupMode"] = settings.Cgroupns;
        return hostConfig;
    }
}
