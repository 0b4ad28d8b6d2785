using System.Text.Json.Nodes;
using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// The network parts of the OCI spec: which network namespace the container enters, and
/// whose /etc/hosts and /etc/resolv.conf it sees (another container's in container: mode,
/// none with --no-hosts).
/// </summary>
internal static class NetworkSpec
{
    public static void Apply(
        JsonObject spec,
        ContainerConfig config,
        NetworkRuntime network,
        ContainerFiles? sharedFiles)
    {
        SetNamespace(spec, config, network);
        if (config.NetworkMode is "bridge" or "none" or "private")
        {
            // containers.conf's built-in default_sysctls: any user may ping without
            // NET_RAW. Only in a namespace made for this container: in host or ns: mode
            // the setting would change a namespace the container does not own.
            var linux = spec["linux"]!.AsObject();
            if (linux["sysctl"] is not JsonObject sysctl)
            {
                sysctl = [];
                linux["sysctl"] = sysctl;
            }

            sysctl.TryAdd("net.ipv4.ping_group_range", "0 0");
        }

        var mounts = spec["mounts"]!.AsArray();
        if (config.NoHosts)
        {
            RemoveMount(mounts, "/etc/hosts");
        }

        if (sharedFiles is not null)
        {
            SetSource(mounts, "/etc/hosts", sharedFiles.HostsPath);
            SetSource(mounts, "/etc/resolv.conf", sharedFiles.ResolvConfPath);
        }
    }

    // Host mode has no network entry: the container stays in the host's namespace. Without
    // a path, the runtime makes a new namespace with only loopback (none, private).
    private static void SetNamespace(JsonObject spec, ContainerConfig config, NetworkRuntime network)
    {
        var namespaces = spec["linux"]!["namespaces"]!.AsArray();
        foreach (var entry in namespaces.Where(IsNetwork).ToList())
        {
            namespaces.Remove(entry);
        }

        if (config.NetworkMode == "host")
        {
            return;
        }

        var networkNamespace = new JsonObject { ["type"] = "network" };
        if (network.SpecNamespacePath is not null)
        {
            networkNamespace["path"] = network.SpecNamespacePath;
        }

        namespaces.Add(networkNamespace);
    }

    private static bool IsNetwork(JsonNode? entry) => entry?["type"]?.GetValue<string>() == "network";

    private static void RemoveMount(JsonArray mounts, string destination)
    {
        foreach (var mount in mounts.Where(m => Destination(m) == destination).ToList())
        {
            mounts.Remove(mount);
        }
    }

    private static void SetSource(JsonArray mounts, string destination, string source)
    {
        foreach (var mount in mounts.Where(m => Destination(m) == destination))
        {
            mount!["source"] = source;
        }
    }

    private static string? Destination(JsonNode? mount) => mount?["destination"]?.GetValue<string>();
}
