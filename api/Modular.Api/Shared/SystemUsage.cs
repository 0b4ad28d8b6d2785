using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Shared;

/// <summary>
/// What <c>system df</c> answers from, in both trees: the CLI's JSON lists of images,
/// containers and volumes, and which volumes some container uses.
/// </summary>
public sealed record SystemUsage(
    IReadOnlyList<JsonObject> Images,
    IReadOnlyList<JsonObject> Containers,
    IReadOnlyList<JsonObject> Volumes,
    IReadOnlySet<string> UnusedVolumes)
{
    public static async Task<SystemUsage> ReadAsync(HttpContext http)
    {
        var images = await ListAsync(http, ["images", "--format", "json"]);
        var containers = await ListAsync(http, ["ps", "--all", "--size", "--format", "json"]);
        var volumes = await ListAsync(http, ["volume", "ls", "--format", "json"]);
        var unused = await ListAsync(http, ["volume", "ls", "--format", "json", "--filter", "dangling=true"]);
        var names = unused.Select(v => v["Name"]?.ToString() ?? "").ToHashSet(StringComparer.Ordinal);
        return new SystemUsage(images, containers, volumes, names);
    }

    /// <summary>The images' sizes together (layers are not shared between test images; Podman sums too).</summary>
    public long ImagesSize => Images.Sum(i => Long(i, "Size"));

    /// <summary>Containers using the volume: 0 when unused, else at least one.</summary>
    public int RefCount(JsonObject volume) =>
        UnusedVolumes.Contains(volume["Name"]?.ToString() ?? "") ? 0 : 1;

    /// <summary>The containers' rw layers together, as ps --size measured them.</summary>
    public long ContainersSize => Containers.Sum(RwSize);

    /// <summary>A container's rw layer bytes from its ps --size entry.</summary>
    public static long RwSize(JsonObject container) =>
        container["Size"] is JsonObject size ? Long(size, "rwSize") : 0;

    /// <summary>A container's image plus rw layer bytes from its ps --size entry.</summary>
    public static long RootFsSize(JsonObject container) =>
        container["Size"] is JsonObject size ? Long(size, "rootFsSize") : 0;

    public static long Long(JsonObject item, string key) =>
        item[key] is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;

    private static async Task<List<JsonObject>> ListAsync(HttpContext http, IReadOnlyList<string> args)
    {
        var text = await CliBridge.OutputAsync(http, args);
        return string.IsNullOrWhiteSpace(text) ? []
            : (JsonNode.Parse(text) as JsonArray ?? []).OfType<JsonObject>().ToList();
    }
}
