using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Remote.Services;

/// <summary>
/// An entry of GET /libpod/images/json as the local CLI's summary (images --format json):
/// without what Podman's API adds (Dangling, IsManifestList, Arch, Os) and with the CLI's
/// own CreatedAt, in the local key order.
/// </summary>
internal static class ImageSummaryJson
{
    private static readonly HashSet<string> ApiOnly = ["Dangling", "IsManifestList", "Arch", "Os"];

    public static JsonObject FromListEntry(JsonObject entry)
    {
        var summary = new JsonObject();
        foreach (var (key, value) in entry)
        {
            if (ApiOnly.Contains(key))
            {
                continue;
            }

            summary[key] = key == "RepoTags" ? null : value?.DeepClone();
            if (key == "Created" && value is JsonValue seconds && seconds.TryGetValue<long>(out var unix))
            {
                summary["CreatedAt"] = DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime
                    .ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
            }
        }

        return summary;
    }
}
