using System.Text.Json.Nodes;
using Modular.Engine.Images.Management;

namespace Modular.Remote.Services;

/// <summary><c>history</c> over GET /libpod/images/{name}/history (Created in Unix seconds).</summary>
public sealed class RemoteImageHistoryReader(LibpodClient libpod) : IImageHistoryReader
{
    public async Task<IReadOnlyList<HistoryEntry>> ReadAsync(string nameOrId, CancellationToken cancellationToken)
    {
        JsonNode? list;
        try
        {
            list = await libpod.GetJsonAsync($"libpod/images/{nameOrId}/history", cancellationToken);
        }
        catch (Modular.Contracts.Errors.NotFoundException e)
        {
            throw RemoteArchiveErrors.ImageNotKnown(e, nameOrId);
        }

        return (list as JsonArray ?? []).OfType<JsonObject>().Select(Entry).ToList();
    }

    private static HistoryEntry Entry(JsonObject item) => new(
        item["Id"]?.ToString() ?? "",
        DateTimeOffset.FromUnixTimeSeconds(item["Created"]?.GetValue<long>() ?? 0),
        item["CreatedBy"]?.ToString() ?? "",
        item["Size"]?.GetValue<long>() ?? 0,
        item["Comment"]?.ToString() ?? "",
        ImageJson.Strings(item["Tags"]).ToList());
}
