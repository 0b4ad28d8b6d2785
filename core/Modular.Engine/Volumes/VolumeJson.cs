using System.Text.Json.Nodes;
using Modular.Engine.Containers;

namespace Modular.Engine.Volumes;

/// <summary>Podman's <c>volume inspect</c> object (libpod's InspectVolumeData).</summary>
public static class VolumeJson
{
    public static JsonObject Inspect(VolumeRecord volume, string mountPoint)
    {
        var json = new JsonObject
        {
            ["Name"] = volume.Name,
            ["Driver"] = volume.Driver,
            ["Mountpoint"] = mountPoint,
            ["CreatedAt"] = GoTime.Format(volume.CreatedAt),
            ["Labels"] = Map(volume.Labels),
            ["Scope"] = "local",
            ["Options"] = Map(volume.Options),
        };

        // Podman leaves Anonymous out unless true (omitempty).
        if (volume.Anonymous)
        {
            json["Anonymous"] = true;
        }

        json["MountCount"] = volume.HasMountOptions ? volume.MountedBy.Count : 0;
        json["NeedsCopyUp"] = volume.NeedsCopyUp;
        json["NeedsChown"] = volume.NeedsChown;
        json["LockNumber"] = volume.LockNumber;
        return json;
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values) =>
        new(values.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));
}
