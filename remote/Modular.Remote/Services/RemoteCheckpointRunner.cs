using System.Net.Http.Headers;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Remote.Services;

/// <summary>
/// <c>checkpoint</c> and <c>restore --import</c> over the libpod checkpoint routes: --export
/// writes the archive the service answers to the client's file, --import uploads the
/// client's file, as podman-remote does.
/// </summary>
public sealed class RemoteCheckpointRunner(LibpodClient libpod, RemoteContainerService containers) : ICheckpointRunner
{
    public async Task<CheckpointOutcome> CheckpointAsync(
        string nameOrId,
        CheckpointRun run,
        CancellationToken cancellationToken)
    {
        var request = run.Request;
        var query = new QueryText($"libpod/containers/{LibpodClient.Escape(nameOrId)}/checkpoint")
            .Add("keep", request.Keep)
            .Add("leaveRunning", request.LeaveRunning)
            .Add("tcpEstablished", request.TcpEstablished)
            .Add("preCheckpoint", request.PreCheckpoint)
            .Add("withPrevious", request.WithPrevious)
            .Add("fileLocks", request.FileLocks)
            .Add("export", run.Export is not null)
            .Add("ignoreRootFS", run.IgnoreRootfs)
            .Add("ignoreVolumes", run.IgnoreVolumes)
            .Add("createImage", run.CreateImage)
            .Add("compress", run.Compression == ArchiveCompression.Default ? null : run.Compression);
        using var response = await libpod.PostAsync(query.ToString(), null, cancellationToken);
        System.Text.Json.Nodes.JsonNode? report = null;
        if (run.Export is { } file)
        {
            // The answer is the archive itself; Podman sends no report with it.
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var target = File.Create(file);
            await body.CopyToAsync(target, cancellationToken);
        }
        else
        {
            report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }

        var container = await containers.ResolveAsync(nameOrId, cancellationToken);
        return CheckpointJson.Outcome(report, "runtime_checkpoint_duration", container);
    }

    public async Task<CheckpointOutcome> RestoreArchiveAsync(
        string archive,
        ImportOverrides overrides,
        RestoreRequest request,
        CancellationToken cancellationToken)
    {
        if (overrides.PreviousArchive is not null)
        {
            // The route takes one archive; a pre-checkpoint archive has no way to the service.
            throw RemoteServiceProvider.Unsupported();
        }

        if (!File.Exists(archive))
        {
            // The local command's words (CheckpointArchive.ExtractAsync), before any request.
            throw new InvalidInputException(
                $"failed to open checkpoint archive {archive} for import: open {archive}: no such file or directory");
        }

        var query = RestoreQuery("import", request)
            .Add("import", true)
            .Add("name", overrides.Name)
            .Add("ignoreRootFS", overrides.IgnoreRootfs)
            .Add("ignoreVolumes", overrides.IgnoreVolumes)
            .Add("ignoreStaticIP", overrides.IgnoreStaticIp)
            .Add("ignoreStaticMAC", overrides.IgnoreStaticMac)
            .AddAll("publishPorts", (overrides.Publish ?? []).Select(CheckpointJson.Publish))
            .Add("pod", overrides.Pod);
        await using var file = File.OpenRead(archive);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await libpod.PostContentAsync(query.ToString(), content, cancellationToken);
        return await ReadRestoreAsync(response, cancellationToken);
    }

    /// <summary>POST /libpod/containers/{name}/restore for a checkpointed container.</summary>
    public async Task<CheckpointOutcome> RestoreAsync(
        string nameOrId,
        RestoreRequest request,
        CancellationToken cancellationToken)
    {
        using var response = await libpod.PostAsync(RestoreQuery(nameOrId, request).ToString(), null, cancellationToken);
        return await ReadRestoreAsync(response, cancellationToken);
    }

    private static QueryText RestoreQuery(string name, RestoreRequest request) =>
        new QueryText($"libpod/containers/{LibpodClient.Escape(name)}/restore")
            .Add("keep", request.Keep)
            .Add("tcpEstablished", request.TcpEstablished)
            .Add("fileLocks", request.FileLocks);

    private async Task<CheckpointOutcome> ReadRestoreAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var id = report?["Id"]?.ToString() ?? throw new BackendException("restore: empty answer");
        var container = await containers.ResolveAsync(id, cancellationToken);
        return CheckpointJson.Outcome(report, "runtime_restore_duration", container);
    }
}
