using System.Text.Json.Nodes;
using Modular.Engine.State;
using Modular.Engine.Volumes;

namespace Modular.Engine.Spec;

public static partial class SpecBuilder
{
    private const string ContainerEnvDestination = "/run/.containerenv";

    /// <summary>
    /// The default mounts plus the user's: a user mount replaces a default one at the same
    /// destination (a --tmpfs /dev/shm, say), and the whole list is sorted by the depth of
    /// the destination, stably, as Podman sorts it, so /data is mounted before /data/x and a
    /// user mount of /etc lies under the /etc/hosts bind, not over it.
    /// </summary>
    private static JsonArray WithUserMounts(JsonArray defaults, ContainerConfig config)
    {
        var user = config.Mounts.Select(UserMount).ToList();
        var taken = config.Mounts.Select(m => MountParser.Clean(m.Destination)).ToHashSet();
        // As Podman: /run bound from the host gets no /run/.containerenv (it would land in
        // the host's directory); a tmpfs there still does.
        if (config.Mounts.Any(m => m.Type != ContainerMount.TmpfsType && m.Destination.TrimEnd('/') == "/run"))
        {
            taken.Add(ContainerEnvDestination);
        }
        var kept = defaults
            .Select(node => node!.DeepClone())
            .Where(node => !taken.Contains(node["destination"]!.GetValue<string>()));
        var sorted = kept.Concat(user)
            .OrderBy(node => Depth(node["destination"]!.GetValue<string>()))
            .ToArray();
        return new JsonArray(sorted);
    }

    private static JsonNode UserMount(ContainerMount mount) => new JsonObject
    {
        ["destination"] = mount.Destination,
        ["type"] = mount.Type == ContainerMount.TmpfsType ? "tmpfs" : "bind",
        ["source"] = mount.Type switch
        {
            ContainerMount.VolumeType => mount.HostPath,
            ContainerMount.TmpfsType => "tmpfs",
            _ => mount.Source,
        },
        ["options"] = ToArray(MountOptions.ForRuntime(mount)),
    };

    private static int Depth(string destination) =>
        destination.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
}
