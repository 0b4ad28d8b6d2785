using System.Text.Json.Nodes;
using Modular.Engine.State;
using Modular.Engine.Volumes;

namespace Modular.Engine.Containers;

/// <summary>Inspect's Mounts, HostConfig.Binds and HostConfig.Tmpfs, in Podman's shape.</summary>
internal static class ContainerMountsJson
{
    /// <summary>Volumes and binds, as Podman lists them (its tmpfs mounts appear under HostConfig.Tmpfs only).</summary>
    public static JsonArray Mounts(ContainerConfig config) => new(config.Mounts
        .Where(m => m.Type != ContainerMount.TmpfsType)
        .Select(m => (JsonNode)Mount(m))
        .ToArray());

    public static JsonArray Binds(ContainerConfig config) => new(config.Mounts
        .Where(m => m.Type != ContainerMount.TmpfsType)
        .Select(m => (JsonNode)JsonValue.Create($"{m.Source}:{m.Destination}:{string.Join(',', MountOptions.Full(m))}"))
        .ToArray());

    public static JsonObject Tmpfs(ContainerConfig config) => new(config.Mounts
        .Where(m => m.Type == ContainerMount.TmpfsType)
        .Select(m => KeyValuePair.Create(m.Destination, (JsonNode?)JsonValue.Create(
            string.Join(',', MountOptions.TmpfsOptions(m))))));

    private static JsonObject Mount(ContainerMount mount)
    {
        var isVolume = mount.Type == ContainerMount.VolumeType;
        var json = new JsonObject { ["Type"] = mount.Type };
        if (isVolume)
        {
            json["Name"] = mount.Source;
        }

        json["Source"] = isVolume ? mount.HostPath : mount.Source;
        json["Destination"] = mount.Destination;
        json["Driver"] = isVolume ? "local" : "";
        json["Mode"] = MountOptions.Mode(mount);
        json["Options"] = new JsonArray(MountOptions.ForInspect(mount).Select(o => (JsonNode)JsonValue.Create(o)).ToArray());
        json["RW"] = !MountOptions.IsReadOnly(mount);
        json["Propagation"] = MountOptions.Propagation(mount);
        return json;
    }
}
