using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Volumes;

namespace Modular.Remote.Services;

/// <summary>
/// IVolumeService over /libpod/volumes. The service's JSON is already the CLI's shape, so
/// <see cref="ToJson"/> hands back the object a volume was read from.
/// </summary>
public sealed class RemoteVolumeService(LibpodClient libpod) : IVolumeService
{
    private readonly ConcurrentDictionary<string, JsonObject> _json = new();

    public async Task<VolumeRecord> CreateAsync(VolumeCreateRequest request, CancellationToken cancellationToken)
    {
        if (request.IgnoreExisting && request.Name is { } existing
            && await ExistsAsync(existing, cancellationToken))
        {
            return Remember(await InspectAsync(existing, cancellationToken));
        }

        var body = new JsonObject
        {
            ["Name"] = request.Name ?? "",
            ["Driver"] = request.Driver ?? "",
            ["Label"] = Pairs(request.Labels),
            ["Options"] = Pairs(request.Options),
        };
        return Remember(await libpod.PostJsonAsync("libpod/volumes/create", body, cancellationToken) as JsonObject
            ?? throw new BackendException("volume create: empty answer"));
    }

    public async Task<IReadOnlyList<VolumeRecord>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync("libpod/volumes/json" + Filters.Query(filters), cancellationToken);
        return (list as JsonArray ?? []).OfType<JsonObject>().Select(Remember).ToList();
    }

    public async Task<JsonObject> InspectAsync(string name, CancellationToken cancellationToken) =>
        await libpod.GetJsonAsync($"libpod/volumes/{LibpodClient.Escape(name)}/json", cancellationToken) as JsonObject
            ?? throw new BackendException($"volume inspect {name}: empty answer");

    public JsonObject ToJson(VolumeRecord volume) =>
        _json.TryGetValue(volume.Name, out var json) ? (JsonObject)json.DeepClone() : new JsonObject { ["Name"] = volume.Name };

    public async Task RemoveAsync(string name, bool force, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var query = $"?force={(force ? "true" : "false")}"
            + (timeoutSeconds is { } t ? "&timeout=" + t.ToString(CultureInfo.InvariantCulture) : "");
        using var _ = await libpod.DeleteAsync($"libpod/volumes/{LibpodClient.Escape(name)}{query}", cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PruneAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken)
    {
        var pruned = await libpod.PostJsonAsync("libpod/volumes/prune" + Filters.Query(filters), null, cancellationToken);
        return (pruned as JsonArray ?? []).Select(item => item?["Id"]?.ToString() ?? "").ToList();
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await libpod.GetAsync($"libpod/volumes/{LibpodClient.Escape(name)}/exists", cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>The tar comes from the service and lands on the client's side, as podman-remote does.</summary>
    public Task ExportAsync(string name, Stream output, CancellationToken cancellationToken) =>
        LibpodStreams.DownloadAsync(
            libpod, $"libpod/volumes/{LibpodClient.Escape(name)}/export", output, cancellationToken);

    /// <summary>The client's file (or stdin) is the request body.</summary>
    public Task ImportAsync(string name, Stream input, CancellationToken cancellationToken) =>
        LibpodStreams.UploadAsync(
            libpod, $"libpod/volumes/{LibpodClient.Escape(name)}/import", input, cancellationToken);

    /// <summary>The service removes a container's anonymous volumes itself (rm -v).</summary>
    public Task<IReadOnlyList<string>> AnonymousVolumesOfAsync(string container, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task RemoveIfUnusedAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private VolumeRecord Remember(JsonObject json)
    {
        var record = new VolumeRecord
        {
            Name = json["Name"]?.ToString() ?? "",
            Driver = json["Driver"]?.ToString() ?? "local",
            CreatedAt = DateTimeOffset.TryParse(
                json["CreatedAt"]?.ToString(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var created)
                ? created
                : DateTimeOffset.UnixEpoch,
            Labels = Map(json["Labels"]),
            Options = Map(json["Options"]),
        };
        _json[record.Name] = json;
        return record;
    }

    private static Dictionary<string, string> Map(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "");

    private static JsonObject Pairs(IReadOnlyList<string>? pairs)
    {
        var map = new JsonObject();
        foreach (var pair in pairs ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            map[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "" : pair[(eq + 1)..];
        }

        return map;
    }
}
