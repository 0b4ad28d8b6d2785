using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Security;

/// <summary>
/// The security fields of inspect's HostConfig, from the container's settings. CapAdd and
/// CapDrop are, as in Podman, the difference between the container's set and the default.
/// </summary>
public static class SecurityInspect
{
    /// <param name="hostConfig">The HostConfig object to fill.</param>
    /// <param name="config">The container.</param>
    /// <param name="defaultUlimits">containers.conf default_ulimits, which --ulimit overrides.</param>
    public static JsonObject Apply(
        JsonObject hostConfig,
        ContainerConfig config,
        IReadOnlyList<string>? defaultUlimits = null)
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
        hostConfig["ShmSize"] = settings.ShmSize;
        hostConfig["GroupAdd"] = SecuritySpec.Strings(settings.GroupAdd);
        hostConfig["Devices"] = Devices(settings.Devices);
        hostConfig["Ulimits"] = Ulimits([.. defaultUlimits ?? [], .. settings.Ulimits]);

        // Podman omits Init when false (omitempty).
        hostConfig.Remove("Init");
        if (settings.InitPath is not null)
        {
            hostConfig["Init"] = true;
        }

        return hostConfig;
    }

    // Only the devices asked for: a privileged container's host devices are not listed.
    // Podman leaves CgroupPermissions empty whatever permissions were given.
    private static JsonArray Devices(IEnumerable<DeviceMapping> devices) =>
        new(devices.Select(device => (JsonNode)new JsonObject
        {
            ["PathOnHost"] = device.HostPath,
            ["PathInContainer"] = device.ContainerPath,
            ["CgroupPermissions"] = "",
        }).ToArray());

    // The rlimits the spec gets, as the runtime applies them (clamped to the caller's).
    private static JsonArray Ulimits(IReadOnlyList<string> ulimits) =>
        new(Spec.ResourceLimits.Build(ulimits).Select(limit => (JsonNode)new JsonObject
        {
            ["Name"] = limit.Type,
            // Podman's inspect holds int64 values: unlimited reads -1.
            ["Soft"] = limit.Soft == ulong.MaxValue ? -1 : (long)limit.Soft,
            ["Hard"] = limit.Hard == ulong.MaxValue ? -1 : (long)limit.Hard,
        }).ToArray());
}
