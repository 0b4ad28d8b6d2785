using System.Text.Json.Nodes;

namespace Modular.Engine.Kube;

/// <summary>
/// A container's mounts as volumeMounts and pod volumes, named as Podman names them: a
/// bind is a hostPath volume PATH-host-N, a tmpfs an emptyDir in memory tmp-N (N its place
/// among binds and tmpfs), a named volume a persistentVolumeClaim NAME-pvc.
/// </summary>
internal static class KubeVolumes
{
    public static (IReadOnlyList<JsonNode> Mounts, IReadOnlyList<JsonObject> Volumes) From(
        JsonObject inspect)
    {
        var mounts = new List<JsonNode>();
        var volumes = new List<JsonObject>();
        var all = (inspect["Mounts"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var index = 0;
        foreach (var bind in all.Where(m => KubeContainer.Text(m["Type"]) == "bind"))
        {
            var source = KubeContainer.Text(bind["Source"]);
            var name = (source == "/" ? "root" : KubeNames.Volume(source)) + "-host-" + index++;
            mounts.Add(Mount(name, KubeContainer.Text(bind["Destination"]), ReadOnly(bind)));
            volumes.Add(HostPath(name, source));
        }

        var tmpfs = inspect["HostConfig"]?["Tmpfs"] as JsonObject ?? [];
        foreach (var (destination, _) in tmpfs)
        {
            var name = "tmp-" + index++;
            mounts.Add(Mount(name, destination, readOnly: false));
            volumes.Add(new JsonObject { ["emptyDir"] = new JsonObject { ["medium"] = "Memory" }, ["name"] = name });
        }

        foreach (var volume in all.Where(m => KubeContainer.Text(m["Type"]) == "volume"))
        {
            var claim = KubeNames.Volume(KubeContainer.Text(volume["Name"]));
            var readOnly = ReadOnly(volume);
            mounts.Add(Mount(claim + "-pvc", KubeContainer.Text(volume["Destination"]), readOnly));
            var source = new JsonObject { ["claimName"] = claim };
            if (readOnly)
            {
                source["readOnly"] = true;
            }

            volumes.Add(new JsonObject { ["name"] = claim + "-pvc", ["persistentVolumeClaim"] = source });
        }

        return (mounts, volumes);
    }

    private static bool ReadOnly(JsonObject mount) => mount["RW"]?.GetValue<bool>() == false;

    private static JsonObject Mount(string name, string destination, bool readOnly)
    {
        var mount = new JsonObject { ["mountPath"] = destination, ["name"] = name };
        if (readOnly)
        {
            mount["readOnly"] = true;
        }

        return mount;
    }

    // Kubernetes checks the host path's type: a directory, a file, or (when nothing is
    // there yet) a directory it may create.
    private static JsonObject HostPath(string name, string source)
    {
        var type = Directory.Exists(source) ? "Directory" : File.Exists(source) ? "File" : "DirectoryOrCreate";
        return new JsonObject
        {
            ["hostPath"] = new JsonObject { ["path"] = source, ["type"] = type },
            ["name"] = name,
        };
    }
}
