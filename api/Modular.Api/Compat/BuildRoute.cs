using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Build;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// POST /build: the legacy builder's API (DOCKER_BUILDKIT=0). The body is the context as
/// a tar; the engine's build runs it and its lines come back as <c>stream</c> lines, then
/// <c>aux</c> {"ID"}, "Successfully built ID" and "Successfully tagged NAME" per tag.
/// </summary>
public static class BuildRoute
{
    /// <summary>
    /// Largest build context accepted (413 above it); only this route lifts the default. The
    /// context is held in memory while it is unpacked, as the CLI holds stdin, hence 1 GiB.
    /// </summary>
    public const long ContextBodyLimit = 1L * 1024 * 1024 * 1024;

    public static void Map(WebApplication app) =>
        app.MapPost("/build", BuildAsync).WithMetadata(new BodyLimit(ContextBodyLimit));

    private static async Task BuildAsync(HttpContext http, CliContext cli)
    {
        using var upload = UploadGuard.Watch(http);
        var query = http.Request.Query;
        var dockerfile = query["dockerfile"].ToString();
        await using var input = await BuildInput.FromStreamAsync(
            cli.Host.Options.GraphRoot,
            http.Request.Body,
            dockerfile.Length == 0 ? [] : [dockerfile],
            filesInContext: true,
            http.RequestAborted);
        var stream = new JsonLineStream();
        var output = new StreamLineWriter(stream);
        var tags = query["t"].Select(t => t ?? "").Where(t => t.Length > 0).ToList();
        var options = Options(http, input, output, tags);
        var executor = cli.Services.GetRequiredService<BuildExecutor>();
        await stream.RunAsync(http, async () =>
        {
            var id = await executor.BuildAsync(options, http.RequestAborted);
            await output.FlushAsync();
            Finish(stream, id, tags, options.Quiet);
        });
    }

    private static BuildOptions Options(HttpContext http, BuildInput input, StreamLineWriter output, IReadOnlyList<string> tags)
    {
        var query = http.Request.Query;
        var network = query["networkmode"].ToString();
        var quiet = http.QueryFlag("q");
        return new BuildOptions(input.ContextDirectory, input.Containerfile, output, output)
        {
            Tags = tags,
            BuildArgs = Map(query["buildargs"].ToString(), "buildargs"),
            Labels = [.. Map(query["labels"].ToString(), "labels").Select(p => p.Key + "=" + p.Value)],
            Target = NonEmpty(query["target"].ToString()),
            NoCache = http.QueryFlag("nocache"),
            Pull = http.QueryFlag("pull") ? PullPolicyMode.Always : PullPolicyMode.Missing,
            Docker = true,
            Quiet = quiet,
            Network = network is "" or "default" ? null : network,

            // Docker's q keeps RUN steps' own output off the stream too: only the ID is sent.
            OpenStdout = quiet ? () => Stream.Null : output.OpenStream,
            OpenStderr = quiet ? () => Stream.Null : output.OpenStream,
        };
    }

    /// <summary>Docker's closing lines; with q, only the ID as a stream line (and aux).</summary>
    private static void Finish(JsonLineStream stream, string id, IReadOnlyList<string> tags, bool quiet)
    {
        var full = id.StartsWith("sha256:", StringComparison.Ordinal) ? id : "sha256:" + id;
        stream.Post(new JsonObject { ["aux"] = new JsonObject { ["ID"] = full } });
        if (quiet)
        {
            stream.Post(new JsonObject { ["stream"] = full + "\n" });
            return;
        }

        stream.Post(new JsonObject { ["stream"] = $"Successfully built {full["sha256:".Length..][..12]}\n" });
        foreach (var tag in tags)
        {
            stream.Post(new JsonObject { ["stream"] = $"Successfully tagged {tag}\n" });
        }
    }

    /// <summary>buildargs and labels: a JSON object of strings.</summary>
    private static Dictionary<string, string> Map(string json, string name)
    {
        if (json.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!
                .ToDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"failed to parse query parameter '{name}': {json}: {e.Message}", e);
        }
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;
}
