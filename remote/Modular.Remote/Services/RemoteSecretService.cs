using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Secrets;

namespace Modular.Remote.Services;

/// <summary>ISecretService over /libpod/secrets; the data travels as the create request's body.</summary>
public sealed class RemoteSecretService(LibpodClient libpod) : ISecretService
{
    public async Task<SecretRecord> CreateAsync(SecretCreateRequest request, CancellationToken cancellationToken)
    {
        var query = "?name=" + LibpodClient.Escape(request.Name)
            + "&driver=" + LibpodClient.Escape(request.Driver ?? "")
            + "&driveropts=" + Map(request.DriverOptions)
            + "&labels=" + Map(request.Labels)
            + (request.Replace ? "&replace=true" : "")
            + (request.Ignore ? "&ignore=true" : "");
        var created = await libpod.PostBytesAsync("libpod/secrets/create" + query, request.Data, cancellationToken);
        var id = created?["ID"]?.ToString() ?? throw new BackendException("secret create: empty answer");
        return await GetAsync(id, cancellationToken);
    }

    public async Task<IReadOnlyList<SecretRecord>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync("libpod/secrets/json" + Filters.Query(filters), cancellationToken);
        return [.. (list as JsonArray ?? []).OfType<JsonObject>().Select(Record)];
    }

    public async Task<SecretRecord> GetAsync(string nameOrId, CancellationToken cancellationToken) =>
        Record(await InspectAsync(nameOrId, false, cancellationToken));

    public async Task<byte[]> ReadDataAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var report = await InspectAsync(nameOrId, true, cancellationToken);
        return System.Text.Encoding.UTF8.GetBytes(report["SecretData"]?.ToString() ?? "");
    }

    public async Task<string> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = (await GetAsync(nameOrId, cancellationToken)).Id;
        using var _ = await libpod.DeleteAsync($"libpod/secrets/{LibpodClient.Escape(nameOrId)}", cancellationToken);
        return id;
    }

    public async Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await libpod.GetAsync($"libpod/secrets/{LibpodClient.Escape(nameOrId)}/exists", cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private async Task<JsonObject> InspectAsync(string nameOrId, bool showSecret, CancellationToken cancellationToken)
    {
        var path = $"libpod/secrets/{LibpodClient.Escape(nameOrId)}/json" + (showSecret ? "?showsecret=true" : "");
        return await libpod.GetJsonAsync(path, cancellationToken) as JsonObject
            ?? throw new BackendException($"secret inspect {nameOrId}: empty answer");
    }

    private static SecretRecord Record(JsonObject report)
    {
        var spec = report["Spec"] as JsonObject ?? [];
        var driver = spec["Driver"] as JsonObject ?? [];
        return new SecretRecord(
            report["ID"]?.ToString() ?? "",
            spec["Name"]?.ToString() ?? "",
            driver["Name"]?.ToString() ?? "",
            Strings(driver["Options"]),
            Strings(spec["Labels"]),
            Time(report["CreatedAt"]),
            Time(report["UpdatedAt"]));
    }

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.TryParse(node?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.UnixEpoch;

    private static Dictionary<string, string> Strings(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");

    private static string Map(IReadOnlyDictionary<string, string>? map) =>
        LibpodClient.Escape(new JsonObject((map ?? new Dictionary<string, string>())
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))).ToJsonString());
}
