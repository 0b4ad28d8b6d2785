using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;

namespace Modular.Api.Compat;

/// <summary>Docker's GET /system/df, in the shape the client's API level reads.</summary>
public static class SystemDfRoute
{
    public static void Map(WebApplication app) => app.MapGet("/system/df", (Delegate)DiskUsage);

    private static async Task<IResult> DiskUsage(HttpContext http)
    {
        var usage = await SystemUsage.ReadAsync(http);
        var level = Version.TryParse(http.Version() ?? "", out var v) ? v : new Version(1, 44);
        return DockerJson.Result(level >= new Version(1, 52) ? Summary(usage) : Listing(usage, level));
    }

    /// <summary>API 1.52 and later: per-kind usage objects, empty when there is nothing of the kind.</summary>
    private static JsonObject Summary(SystemUsage usage) => new()
    {
        ["ImageUsage"] = Totals(usage.Images.Count, usage.ImagesSize),
        ["ContainerUsage"] = Totals(usage.Containers.Count, usage.ContainersSize),
        ["VolumeUsage"] = Totals(usage.Volumes.Count, 0),
        ["BuildCacheUsage"] = new JsonObject(),
    };

    private static JsonObject Totals(int count, long size) => count == 0 ? [] : new JsonObject
    {
        ["TotalCount"] = count, ["TotalSize"] = size,
    };

    private static JsonObject Listing(SystemUsage usage, Version level) => new()
    {
        ["LayersSize"] = usage.ImagesSize,
        ["Images"] = new JsonArray([.. usage.Images.Select(i => Image(i, level))]),
        ["Containers"] = new JsonArray([.. usage.Containers.Select(Container)]),
        ["Volumes"] = new JsonArray([.. usage.Volumes.Select(v => Volume(v, usage.RefCount(v)))]),
        ["BuildCache"] = new JsonArray(),
    };

    private static JsonNode Image(JsonObject image, Version level)
    {
        var size = SystemUsage.Long(image, "Size");
        var summary = new JsonObject
        {
            ["Id"] = "sha256:" + image["Id"],
            ["ParentId"] = "",
            ["RepoTags"] = image["Names"]?.DeepClone() ?? new JsonArray(),
            ["RepoDigests"] = image["RepoDigests"]?.DeepClone() ?? new JsonArray(),
            ["Created"] = image["Created"]?.DeepClone(),
            ["Size"] = size,
            ["SharedSize"] = 0,
            ["Labels"] = image["Labels"]?.DeepClone() ?? new JsonObject(),
            ["Containers"] = SystemUsage.Long(image, "Containers"),
        };
        if (level <= new Version(1, 43))
        {
            summary["VirtualSize"] = size; // Docker dropped it in API 1.44.
        }

        return summary;
    }

    private static JsonNode Container(JsonObject container) => new JsonObject
    {
        ["Id"] = container["Id"]?.DeepClone(),
        ["Names"] = new JsonArray([.. (container["Names"] as JsonArray ?? []).Select(n => (JsonNode)("/" + n))]),
        ["Image"] = container["Image"]?.DeepClone(),
        ["ImageID"] = "sha256:" + container["ImageID"],
        ["Command"] = string.Join(' ', (container["Command"] as JsonArray ?? []).Select(w => w?.ToString())),
        ["Created"] = container["Created"]?.DeepClone(),
        ["State"] = container["State"]?.DeepClone(),
        ["Status"] = container["Status"]?.DeepClone(),
        ["SizeRw"] = SystemUsage.RwSize(container),
        ["SizeRootFs"] = SystemUsage.RootFsSize(container),
        ["Labels"] = container["Labels"]?.DeepClone() ?? new JsonObject(),
    };

    private static JsonNode Volume(JsonObject volume, int refCount) => new JsonObject
    {
        ["CreatedAt"] = volume["CreatedAt"]?.DeepClone(),
        ["Driver"] = volume["Driver"]?.DeepClone(),
        ["Labels"] = volume["Labels"]?.DeepClone() ?? new JsonObject(),
        ["Mountpoint"] = volume["Mountpoint"]?.DeepClone(),
        ["Name"] = volume["Name"]?.DeepClone(),
        ["Options"] = volume["Options"]?.DeepClone() ?? new JsonObject(),
        ["Scope"] = "local",
        ["UsageData"] = new JsonObject { ["RefCount"] = refCount, ["Size"] = -1 },
    };
}
