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
/// POST /build (the legacy builder's API, DOCKER_BUILDKIT=0) and POST /libpod/build. The
/// body is the context as a tar; the engine's build runs it and its lines come back as
/// <c>stream</c> lines, then the image ID as a line of its own, as Buildah writes it. The
/// Docker tree adds <c>aux</c> {"ID"}, "Successfully built ID" and "Successfully tagged
/// NAME" per tag. With q, stderr and warnings are held back and sent only on failure.
/// </summary>
public static class BuildRoute
{
    /// <summary>
    /// Largest build context accepted (413 above it); only these routes lift the default. The
    /// context is held in memory while it is unpacked, as the CLI holds stdin, hence 1 GiB.
    /// </summary>
    public const long ContextBodyLimit = 1L * 1024 * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        app.MapPost("/build", (HttpContext http, CliContext cli) => BuildAsync(http, cli, libpod: false))
            .WithMetadata(new BodyLimit(ContextBodyLimit));
        app.MapPost("/libpod/build", (HttpContext http, CliContext cli) => BuildAsync(http, cli, libpod: true))
            .WithMetadata(new BodyLimit(ContextBodyLimit));
    }

    private static async Task BuildAsync(HttpContext http, CliContext cli, bool libpod)
    {
        using var upload = UploadGuard.Watch(http);
        var platform = BuildQuery.Check(http, libpod);
        await using var input = await BuildInput.FromStreamAsync(
            cli.Host.Options.GraphRoot,
            http.Request.Body,
            BuildQuery.Containerfiles(http.Request.Query["dockerfile"].ToString()),
            filesInContext: true,
            http.RequestAborted);
        var stream = new JsonLineStream();
        var output = new StreamLineWriter(stream);
        var held = http.QueryFlag("q") ? new HeldBuildOutput() : null;
        var tags = http.Request.Query["t"].Select(t => t ?? "").Where(t => t.Length > 0).ToList();
        var secrets = Path.Combine(cli.Host.Options.GraphRoot, "tmp", $"build-secrets-{Guid.NewGuid():N}");
        var auth = await BuildAuthFile.WriteAsync(http, secrets, http.RequestAborted);
        try
        {
            var options = Options(http, input.ContextDirectory, input.Containerfile, output, held, libpod, secrets)
                with { Platform = platform, AuthFile = auth };
            var executor = cli.Services.GetRequiredService<BuildExecutor>();
            await stream.RunAsync(http, async () =>
            {
                var id = await BuildOrReleaseHeldAsync(executor, options, output, held, http.RequestAborted);
                await output.FlushAsync();
                Finish(stream, id, tags, quiet: held is not null, libpod);
            });
        }
        finally
        {
            if (Directory.Exists(secrets))
            {
                Directory.Delete(secrets, recursive: true);
            }
        }
    }

    /// <summary>Runs the build; on failure a quiet build's held stderr goes out before the error.</summary>
    private static async Task<string> BuildOrReleaseHeldAsync(
        BuildExecutor executor,
        BuildOptions options,
        StreamLineWriter output,
        HeldBuildOutput? held,
        CancellationToken cancellationToken)
    {
        try
        {
            return await executor.BuildAsync(options, cancellationToken);
        }
        catch (Exception) when (held is not null)
        {
            await output.FlushAsync(cancellationToken);
            output.Write(held.Text);
            await output.FlushAsync(cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Every build flag the query carries, read back as the local CLI sets it (public so the
    /// round-trip test proves each flag the remote client sends arrives).
    /// </summary>
    public static BuildOptions Options(
        HttpContext http,
        string contextDirectory,
        string containerfile,
        StreamLineWriter output,
        HeldBuildOutput? held,
        bool libpod,
        string secretsDirectory)
    {
        var query = http.Request.Query;
        var network = BuildQuery.NetworkMode(query["networkmode"].ToString());
        var options = new BuildOptions(contextDirectory, containerfile, output, held?.Writer ?? output)
        {
            Tags = [.. query["t"].Select(t => t ?? "").Where(t => t.Length > 0)],
            BuildArgs = Map(query["buildargs"].ToString(), "buildargs"),
            Labels = [.. Map(query["labels"].ToString(), "labels").Select(p => p.Key + "=" + p.Value)],
            Target = NonEmpty(query["target"].ToString()),
            NoCache = http.QueryFlag("nocache"),
            Layers = LibpodQuery.Bool(http, "layers", absent: !libpod),
            Pull = BuildQuery.PullPolicy(http),
            Squash = http.QueryFlag("squash"),
            Timestamp = BuildQuery.Timestamp(http),
            Docker = !libpod || query["outputformat"].ToString().Contains("docker", StringComparison.Ordinal),
            Quiet = held is not null,
            Network = network is "" or "default" ? null : network,
            // Docker's q keeps RUN steps' own output off the stream too: held, sent only
            // before a failure, as stderr is.
            OpenStdout = held is null ? output.OpenStream : held.OpenStream,
            OpenStderr = held is null ? output.OpenStream : held.OpenStream,
        };
        return BuildQuery.WithCarried(options, query, libpod, secretsDirectory);
    }

    /// <summary>
    /// The ID line Buildah ends with (the bare hex ID, in both trees), then Docker's closing
    /// lines unless quiet.
    /// </summary>
    private static void Finish(
        JsonLineStream stream,
        string id,
        IReadOnlyList<string> tags,
        bool quiet,
        bool libpod)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
        stream.Post(new JsonObject { ["stream"] = hex + "\n" });
        if (quiet || libpod)
        {
            return;
        }

        stream.Post(new JsonObject { ["aux"] = new JsonObject { ["ID"] = "sha256:" + hex } });
        stream.Post(new JsonObject { ["stream"] = $"Successfully built {hex[..12]}\n" });
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
