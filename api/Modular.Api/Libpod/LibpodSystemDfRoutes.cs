using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;

namespace Modular.Api.Libpod;

/// <summary>/libpod/system/df and /libpod/system/prune.</summary>
public static class LibpodSystemDfRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/system/df", (Delegate)DiskUsage);
        app.MapPost("/libpod/system/prune", (Delegate)Prune);
    }

    private static async Task<IResult> DiskUsage(HttpContext http)
    {
        var usage = await SystemUsage.ReadAsync(http);
        return LibpodJson.Body(new JsonObject
        {
            ["ImagesSize"] = usage.ImagesSize,
            ["Images"] = new JsonArray([.. usage.Images.Select(Image)]),
            ["Containers"] = new JsonArray([.. usage.Containers.Select(Container)]),
            ["Volumes"] = new JsonArray([.. usage.Volumes.Select(v => Volume(v, usage.RefCount(v)))]),
        });
    }

    private static JsonNode Image(JsonObject image)
    {
        var name = image["Names"] is JsonArray { Count: > 0 } names ? names[0]!.ToString() : "<none>:<none>";
        var colon = name.LastIndexOf(':');
        return new JsonObject
        {
            ["Repository"] = colon > name.LastIndexOf('/') ? name[..colon] : name,
            ["Tag"] = colon > name.LastIndexOf('/') ? name[(colon + 1)..] : "<none>",
            ["ImageID"] = image["Id"]?.DeepClone(),
            ["Created"] = image["CreatedAt"]?.DeepClone(),
            ["Size"] = SystemUsage.Long(image, "Size"),
            ["SharedSize"] = 0,
            ["UniqueSize"] = SystemUsage.Long(image, "Size"),
            ["Containers"] = SystemUsage.Long(image, "Containers"),
        };
    }

    private static JsonNode Container(JsonObject container) => new JsonObject
    {
        ["ContainerID"] = container["Id"]?.DeepClone(),
        ["Image"] = container["ImageID"]?.DeepClone(),
        ["Command"] = container["Command"]?.DeepClone(),
        ["LocalVolumes"] = container["Mounts"] is JsonArray mounts ? mounts.Count : 0,
        ["Size"] = 0,
        ["RWSize"] = 0,
        ["Created"] = container["CreatedAt"]?.DeepClone(),
        ["Status"] = container["State"]?.DeepClone(),
        ["Names"] = container["Names"] is JsonArray { Count: > 0 } names ? names[0]!.ToString() : "",
    };

    private static JsonNode Volume(JsonObject volume, int links) => new JsonObject
    {
        ["VolumeName"] = volume["Name"]?.DeepClone(),
        ["Links"] = links,
        ["Size"] = 0,
        ["ReclaimableSize"] = 0,
    };

    /// <summary>Podman's system prune: stopped containers, then pods, images and (volumes=true) volumes.</summary>
    private static async Task<IResult> Prune(HttpContext http)
    {
        var all = LibpodQuery.Bool(http, "all");
        var volumes = LibpodQuery.Bool(http, "volumes");
        var filters = QueryFilters.AsArguments(http);
        var containers = await PrunedAsync(http, ["container", "prune", "--force", .. filters]);
        var pods = await PrunedAsync(http, ["pod", "prune", "--force"]);
        var images = await PrunedAsync(http, ["image", "prune", "--force", .. all ? ["--all"] : Array.Empty<string>(), .. filters]);
        var networks = await PrunedAsync(http, ["network", "prune", "--force", .. filters]);

        // Podman's system prune takes named volumes too: all=true when no filter is given,
        // and a filter chooses among every unused volume.
        var pruned = volumes ? await PrunedAsync(http, ["volume", "prune", "--force", "--all", .. filters]) : [];
        return LibpodJson.Body(new JsonObject
        {
            ["PodPruneReport"] = Reports(pods, "Id", "Err"),
            ["ContainerPruneReports"] = Reports(containers, "Id", "Err"),
            ["ImagePruneReports"] = Reports(images, "Id", "Err"),
            ["NetworkPruneReports"] = Reports(networks, "Name", "Error"),
            ["VolumePruneReports"] = Reports(pruned, "Id", "Err"),
            ["ReclaimedSpace"] = 0,
        });
    }

    private static async Task<string[]> PrunedAsync(HttpContext http, IReadOnlyList<string> args) =>
        (await CliBridge.OutputAsync(http, args)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static JsonArray Reports(string[] ids, string idKey, string errorKey) =>
        new([.. ids.Select(id => (JsonNode)new JsonObject { [idKey] = id, [errorKey] = null, ["Size"] = 0 })]);
}
