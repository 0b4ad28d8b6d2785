using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Engine.Kube;

/// <summary>A named volume as a PersistentVolumeClaim of 1Gi, its driver and options kept as annotations.</summary>
internal static class KubeClaims
{
    private static readonly Dictionary<string, string> OptionAnnotations = new(StringComparer.Ordinal)
    {
        ["o"] = "volume.podman.io/mount-options",
        ["device"] = "volume.podman.io/device",
        ["type"] = "volume.podman.io/type",
        ["UID"] = "volume.podman.io/uid",
        ["GID"] = "volume.podman.io/gid",
    };

    public static JsonObject From(JsonObject volume)
    {
        var annotations = new JsonObject { ["volume.podman.io/driver"] = KubeContainer.Text(volume["Driver"]) };
        foreach (var (key, value) in volume["Options"] as JsonObject ?? [])
        {
            if (OptionAnnotations.TryGetValue(key, out var annotation))
            {
                annotations[annotation] = KubeContainer.Text(value);
            }
        }

        var metadata = new JsonObject
        {
            ["annotations"] = annotations,
            ["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["name"] = KubeNames.Volume(KubeContainer.Text(volume["Name"])),
        };
        if (volume["Labels"] is JsonObject { Count: > 0 } labels)
        {
            metadata["labels"] = labels.DeepClone();
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["accessModes"] = new JsonArray("ReadWriteOnce"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } },
            },
            ["status"] = new JsonObject(),
        };
    }
}
