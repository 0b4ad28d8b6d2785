using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Pods;

namespace Modular.Remote.Services;

/// <summary>
/// IPodService over /libpod/pods. The service's list entries and inspect objects already
/// are the CLI's JSON, so <see cref="Summarize"/> and <see cref="Inspect"/> hand back the
/// object the pod was read from.
/// </summary>
public sealed class RemotePodService(LibpodClient libpod) : IPodService
{
    private readonly ConcurrentDictionary<string, JsonObject> _summaries = new();
    private readonly ConcurrentDictionary<string, JsonObject> _inspected = new();

    public async Task<PodConfig> CreateAsync(PodCreateRequest request, CancellationToken cancellationToken)
    {
        var created = await libpod.PostJsonAsync("libpod/pods/create", PodSpecGenerator.From(request), cancellationToken);
        var id = created?["Id"]?.ToString() ?? throw new BackendException("pod create: no Id in the answer");
        return (await GetAsync(id, cancellationToken)).Config;
    }

    public async Task<PodView> GetAsync(string nameOrId, CancellationToken cancellationToken)
    {
        JsonObject inspect;
        try
        {
            inspect = await libpod.GetJsonAsync($"libpod/pods/{Name(nameOrId)}/json", cancellationToken) as JsonObject
                ?? throw new BackendException($"pod inspect {nameOrId}: empty answer");
        }
        catch (NotFoundException e) when (e.Message == $"no such pod {nameOrId}")
        {
            // The route answers pod inspect's words; the engine's lookup says these.
            throw new NotFoundException($"no pod with name or ID {nameOrId} found: no such pod", e);
        }

        var view = PodJson.FromInspect(inspect);
        _inspected[view.Config.Id] = inspect;
        return view;
    }

    public async Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await libpod.GetAsync($"libpod/pods/{Name(nameOrId)}/exists", cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<PodView>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync("libpod/pods/json", cancellationToken);
        var pods = new List<PodView>();
        foreach (var entry in (list as JsonArray ?? []).OfType<JsonObject>())
        {
            var view = PodJson.FromListEntry(entry);
            _summaries[view.Config.Id] = entry;
            pods.Add(view);
        }

        return pods;
    }

    public Task<PodView> StartAsync(string nameOrId, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "start", "", cancellationToken);

    public Task<PodView> StopAsync(string nameOrId, int? timeoutSeconds, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "stop", timeoutSeconds is { } t ? "?t=" + Number(t) : "", cancellationToken);

    public Task<PodView> RestartAsync(string nameOrId, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "restart", "", cancellationToken);

    public Task<PodView> KillAsync(string nameOrId, string signal, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "kill", "?signal=" + LibpodClient.Escape(signal), cancellationToken);

    public Task<PodView> PauseAsync(string nameOrId, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "pause", "", cancellationToken);

    public Task<PodView> UnpauseAsync(string nameOrId, CancellationToken cancellationToken) =>
        VerbAsync(nameOrId, "unpause", "", cancellationToken);

    public async Task<string> RemoveAsync(
        string nameOrId,
        bool force,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var query = $"?force={(force ? "true" : "false")}"
            + (timeoutSeconds is { } t ? "&timeout=" + Number(t) : "");
        var report = await DeleteJsonAsync($"libpod/pods/{Name(nameOrId)}{query}", cancellationToken);
        return report?["Id"]?.ToString() ?? nameOrId;
    }

    /// <summary>The service's reports, one per pod removed; a report's error fails the command.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(CancellationToken cancellationToken)
    {
        var reports = await libpod.PostJsonAsync("libpod/pods/prune", null, cancellationToken);
        var ids = new List<string>();
        foreach (var report in (reports as JsonArray ?? []).OfType<JsonObject>())
        {
            if (report["Err"] is JsonValue error && error.ToString().Length > 0)
            {
                throw new BackendException(error.ToString());
            }

            ids.Add(report["Id"]?.ToString() ?? "");
        }

        return ids;
    }

    public async Task<ContainerProcessTable> TopAsync(
        string nameOrId,
        IReadOnlyList<string> descriptors,
        CancellationToken cancellationToken)
    {
        var path = $"libpod/pods/{Name(nameOrId)}/top" + ControlQuery.PsArgs(descriptors);
        return ProcessTableJson.From(await libpod.GetJsonAsync(path, cancellationToken));
    }

    public JsonObject Inspect(PodView pod) =>
        _inspected.TryGetValue(pod.Config.Id, out var inspect)
            ? (JsonObject)inspect.DeepClone()
            : new JsonObject { ["Id"] = pod.Config.Id, ["Name"] = pod.Config.Name, ["State"] = pod.Status };

    public JsonObject Summarize(PodView pod) =>
        _summaries.TryGetValue(pod.Config.Id, out var summary)
            ? (JsonObject)summary.DeepClone()
            : new JsonObject { ["Id"] = pod.Config.Id, ["Name"] = pod.Config.Name, ["Status"] = pod.Status };

    // 304 (already there) is no failure: the pod is as asked either way.
    private async Task<PodView> VerbAsync(
        string nameOrId,
        string verb,
        string query,
        CancellationToken cancellationToken)
    {
        using (await libpod.PostAsync($"libpod/pods/{Name(nameOrId)}/{verb}{query}", null, cancellationToken))
        {
        }

        return await GetAsync(nameOrId, cancellationToken);
    }

    private async Task<JsonNode?> DeleteJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await libpod.DeleteAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Name(string nameOrId) => LibpodClient.Escape(nameOrId);
}
