using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// IContainerService over the service's /libpod/containers routes: the CLI's commands run
/// unchanged and print what they print locally, only the engine is elsewhere.
/// </summary>
public sealed class RemoteContainerService(LibpodClient libpod) : IContainerService
{
    public async Task<ContainerInfo> CreateAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        // An attached --rm run is removed by the CLI after it has the exit code; removing it
        // on the server at exit would race the client's wait for that code.
        await RemoteImplicitPull.EnsureAsync(libpod, request, cancellationToken);
        var spec = SpecGenerator.From(request, request.AutoRemove && !request.Attach);
        var created = await libpod.PostJsonAsync("libpod/containers/create", spec, cancellationToken);
        var id = created?["Id"]?.ToString() ?? throw new BackendException("create: no Id in the answer");
        return await ResolveAsync(id, cancellationToken);
    }

    public async Task StartAsync(string nameOrId, CancellationToken cancellationToken)
    {
        using var _ = await libpod.PostAsync($"libpod/containers/{Name(nameOrId)}/start", null, cancellationToken);
    }

    /// <summary>Starts, streams the logs as they come until the container exits, then waits.</summary>
    public async Task<int> StartAttachedAsync(
        string nameOrId,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        await StartAsync(nameOrId, cancellationToken);
        var path = $"libpod/containers/{Name(nameOrId)}/logs?follow=true&stdout=true&stderr=true";
        using (var response = await libpod.GetAsync(path, cancellationToken))
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await CopyFramesAsync(body, stdout, stderr, cancellationToken);
        }

        return await WaitAsync(nameOrId, cancellationToken);
    }

    public async Task<ContainerInfo> StopAsync(
        string nameOrId,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var query = timeoutSeconds is { } t ? $"?timeout={t.ToString(CultureInfo.InvariantCulture)}" : "";
        using var _ = await libpod.PostAsync($"libpod/containers/{Name(nameOrId)}/stop{query}", null, cancellationToken);
        return await ResolveAsync(nameOrId, cancellationToken);
    }

    public async Task<ContainerInfo> KillAsync(string nameOrId, string signal, CancellationToken cancellationToken)
    {
        var container = await ResolveAsync(nameOrId, cancellationToken);
        var path = $"libpod/containers/{Name(container.Id)}/kill?signal={LibpodClient.Escape(signal)}";
        using var _ = await libpod.PostAsync(path, null, cancellationToken);
        return container;
    }

    public async Task<ContainerInfo> RemoveAsync(
        string nameOrId,
        bool force,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var container = await ResolveAsync(nameOrId, cancellationToken);
        var query = $"?force={(force ? "true" : "false")}"
            + (timeoutSeconds is { } t ? $"&timeout={t.ToString(CultureInfo.InvariantCulture)}" : "");
        using var _ = await libpod.DeleteAsync($"libpod/containers/{Name(container.Id)}{query}", cancellationToken);
        return container;
    }

    public async Task<int> WaitAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var code = await libpod.PostJsonAsync(
            $"libpod/containers/{Name(nameOrId)}/wait?condition=stopped&condition=exited",
            null,
            cancellationToken);
        return code is JsonValue value && value.TryGetValue<int>(out var exit) ? exit : 0;
    }

    public async Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync($"libpod/containers/json?all={(all ? "true" : "false")}", cancellationToken);
        return (list as JsonArray ?? []).OfType<JsonObject>().Select(ContainerJson.FromListEntry).ToList();
    }

    public async Task<ContainerInfo> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
        ContainerJson.FromInspect(await InspectAsync(nameOrId, cancellationToken));

    public async Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken) =>
        InspectSwappiness.Restore(
            await libpod.GetJsonAsync($"libpod/containers/{Name(nameOrId)}/json", cancellationToken) as JsonObject
                ?? throw new BackendException($"inspect {nameOrId}: empty answer"));

    public JsonObject Summarize(ContainerInfo container) => ContainerService.SummaryOf(container);

    public async IAsyncEnumerable<LogLine> ReadLogsAsync(
        string nameOrId,
        LogReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await libpod.GetAsync(LogsPath(nameOrId, options), cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var (stream, text) in Frames.ReadAsync(body, cancellationToken))
        {
            yield return LogText.Parse(stream == 2 ? "stderr" : "stdout", text);
        }
    }

    /// <summary>
    /// Cleanup is the service host's business (conmon runs it there); Podman's remote client
    /// answers the command with these words too.
    /// </summary>
    public Task CleanupAsync(string nameOrId, CancellationToken cancellationToken) =>
        throw new CapabilityMissingException("not implemented");

    private static string LogsPath(string nameOrId, LogReadOptions options)
    {
        var query = new StringBuilder("?stdout=true&stderr=true&timestamps=true");
        query.Append(options.Follow ? "&follow=true" : "");
        query.Append(options.Tail is { } tail ? $"&tail={tail.ToString(CultureInfo.InvariantCulture)}" : "");
        query.Append(options.Since is { } since ? $"&since={since.ToUnixTimeSeconds()}" : "");
        query.Append(options.Until is { } until ? $"&until={until.ToUnixTimeSeconds()}" : "");
        return $"libpod/containers/{Name(nameOrId)}/logs{query}";
    }

    private static async Task CopyFramesAsync(
        Stream body,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        await foreach (var (stream, text) in Frames.ReadAsync(body, cancellationToken))
        {
            var target = stream == 2 ? stderr : stdout;
            await target.WriteAsync(text, cancellationToken);
            await target.FlushAsync(cancellationToken);
        }
    }

    private static string Name(string nameOrId) => LibpodClient.Escape(nameOrId);
}
