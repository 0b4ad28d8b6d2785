using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Api.Libpod;

/// <summary>
/// POST /libpod/containers/{name}/checkpoint and /restore, as Podman 5 serves them to
/// podman-remote: 404 for an unknown container, 500 for any other failure, else the report
/// (Id, runtime duration in microseconds, criu_statistics). export=true answers the archive
/// itself as application/x-tar; import=true restores the archive the request body holds.
/// </summary>
public static class LibpodCheckpointRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/containers/{name}/checkpoint", CheckpointAsync);
        app.MapPost("/libpod/containers/{name}/restore", RestoreAsync);
    }

    private static async Task<IResult> CheckpointAsync(string name, CliContext cli, HttpContext http)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        var export = http.QueryFlag("export");
        using var scratch = export ? new CheckpointScratch() : null;
        var run = new CheckpointRun(
            new CheckpointRequest(
                http.QueryFlag("leaveRunning"),
                http.QueryFlag("tcpEstablished"),
                http.QueryFlag("preCheckpoint"),
                http.QueryFlag("withPrevious"),
                export,
                http.QueryFlag("keep"),
                http.QueryFlag("fileLocks")),
            scratch?.Archive,
            Text(http, "compress") ?? ArchiveCompression.Default,
            http.QueryFlag("ignoreRootFS"),
            http.QueryFlag("ignoreVolumes"),
            Text(http, "createImage"));
        var runner = cli.Services.GetRequiredService<ICheckpointRunner>();
        var outcome = await PodmanStatus.ServerErrorAsync(
            () => runner.CheckpointAsync(container.Id, run, http.RequestAborted));
        if (scratch is null)
        {
            return Report(outcome, "runtime_checkpoint_duration");
        }

        // Open before the scratch directory goes: the open file outlives its unlinked name.
        var archive = File.OpenRead(scratch.Archive);
        return Results.Stream(archive, "application/x-tar");
    }

    private static async Task<IResult> RestoreAsync(string name, CliContext cli, HttpContext http)
    {
        var request = new RestoreRequest(
            http.QueryFlag("keep"), http.QueryFlag("tcpEstablished"), http.QueryFlag("fileLocks"));
        var outcome = http.QueryFlag("import")
            ? await ImportAsync(cli, http, request)
            : await RestoreContainerAsync(name, cli, http, request);
        return Report(outcome, "runtime_restore_duration");
    }

    private static async Task<CheckpointOutcome> RestoreContainerAsync(
        string name,
        CliContext cli,
        HttpContext http,
        RestoreRequest request)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        var checkpoints = cli.Services.GetRequiredService<IContainerCheckpoints>();
        return await PodmanStatus.ServerErrorAsync(
            () => checkpoints.RestoreAsync(container.Id, request, http.RequestAborted));
    }

    // The body is the archive; as Podman, it lands in a temporary file first.
    private static async Task<CheckpointOutcome> ImportAsync(CliContext cli, HttpContext http, RestoreRequest request)
    {
        using var scratch = new CheckpointScratch();
        await using (var file = File.Create(scratch.Archive))
        {
            await http.Request.Body.CopyToAsync(file, http.RequestAborted);
        }

        var runner = cli.Services.GetRequiredService<ICheckpointRunner>();
        return await PodmanStatus.ServerErrorAsync(
            () => runner.RestoreArchiveAsync(scratch.Archive, Overrides(http), request, http.RequestAborted));
    }

    private static ImportOverrides Overrides(HttpContext http)
    {
        var publish = http.Request.Query["publishPorts"].Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToArray();
        return new ImportOverrides(
            Text(http, "name"),
            http.QueryFlag("ignoreRootFS"),
            http.QueryFlag("ignoreStaticIP"),
            http.QueryFlag("ignoreStaticMAC"),
            publish.Length > 0 ? PublishParser.Parse(publish) : null,
            http.QueryFlag("ignoreVolumes"),
            Text(http, "pod"));
    }

    private static string? Text(HttpContext http, string key) =>
        http.Request.Query[key].ToString() is { Length: > 0 } value ? value : null;

    private static IResult Report(CheckpointOutcome outcome, string durationKey)
    {
        var statistics = outcome.Statistics is null
            ? null
            : new JsonObject(outcome.Statistics.Select(
                s => KeyValuePair.Create(s.Key, (JsonNode?)JsonValue.Create(s.Value))));
        var report = new JsonObject
        {
            ["Id"] = outcome.Container.Id,
            [durationKey] = (long)outcome.RuntimeDuration.TotalMicroseconds,
            ["criu_statistics"] = statistics,
        };
        return Results.Json(report);
    }
}
