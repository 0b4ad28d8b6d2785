using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Management;

namespace Modular.Api.Compat;

/// <summary>GET /images/NAME/history: the CLI's history entries in Docker's shape.</summary>
public static class ImageHistoryRoute
{
    internal static async Task<IResult> HistoryAsync(HttpContext http, CliContext cli, string name)
    {
        var reader = cli.Services.GetRequiredService<ImageHistoryReader>();
        var entries = await reader.ReadAsync(name, http.RequestAborted);
        return DockerJson.Result(new JsonArray([.. entries.Select(Item)]));
    }

    private static JsonNode Item(HistoryEntry entry) => new JsonObject
    {
        // Podman's compat handler prefixes every id, "<missing>" included ("sha256:<missing>").
        ["Id"] = entry.Id.StartsWith("sha256:", StringComparison.Ordinal) ? entry.Id : "sha256:" + entry.Id,
        ["Created"] = entry.Created.ToUnixTimeSeconds(),
        ["CreatedBy"] = entry.CreatedBy,
        ["Tags"] = entry.Tags.Count == 0 ? null : new JsonArray([.. entry.Tags.Select(t => (JsonNode)t)]),
        ["Size"] = entry.Size,
        ["Comment"] = entry.Comment,
    };
}
