using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Compat;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// POST /commit (201) and /libpod/commit (200), both with the bare ID as Podman answers:
/// the CLI's commit, the body's container config turned into its --change instructions.
/// </summary>
public static class CommitRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/commit", (Delegate)Docker);
        app.MapPost("/libpod/commit", (Delegate)Libpod);
    }

    private static Task<IResult> Docker(HttpContext http) => CommitAsync(http, libpod: false);

    private static Task<IResult> Libpod(HttpContext http) => CommitAsync(http, libpod: true);

    private static async Task<IResult> CommitAsync(HttpContext http, bool libpod)
    {
        var query = http.Request.Query;
        var args = new List<string> { "commit", "--quiet" };
        Add(args, "--message", query["comment"]);
        Add(args, "--author", query["author"]);

        // Podman's compat commit always writes Docker's format; libpod's defaults to OCI.
        args.AddRange(["--format", libpod ? LibpodFormat(query) : "docker"]);
        args.AddRange(LibpodQuery.Bool(http, "pause") ? ["--pause"] : []);
        args.AddRange(libpod && LibpodQuery.Bool(http, "squash") ? ["--squash"] : []);
        args.AddRange(libpod && LibpodQuery.Bool(http, "includeVolumes") ? ["--include-volumes"] : []);
        foreach (var change in query["changes"].SelectMany(c => (c ?? "").Split('\n')).Where(c => c.Length > 0))
        {
            args.AddRange(["--change", change]);
        }

        var config = await RequestBody.ReadObjectAsync(http);
        foreach (var change in Changes(config))
        {
            args.AddRange(["--change", change]);
        }

        args.Add(query["container"].ToString());
        args.AddRange(Destination(query, libpod) is { } destination ? [destination] : []);
        var id = (await CliBridge.OutputAsync(http, args)).Trim().Split('\n')[^1];
        // Podman answers both trees with the bare hex ID (Docker itself says "sha256:...").
        return Results.Json(
            new Dictionary<string, string> { ["Id"] = id },
            statusCode: libpod ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    /// <summary>
    /// libpod's format=oci|docker (oci by default). Podman checks it, and that a comment comes
    /// with docker, before it looks the container up: both failures are its 500.
    /// </summary>
    private static string LibpodFormat(IQueryCollection query)
    {
        var format = query["format"].ToString() is { Length: > 0 } given ? given : "oci";
        if (format is not ("oci" or "docker"))
        {
            throw new ApiException(StatusCodes.Status500InternalServerError,
                $"unrecognized image format \"{format}\"");
        }

        if (format == "oci" && query["comment"].ToString().Length > 0)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError,
                "messages are only compatible with the docker image format (-f docker)");
        }

        return format;
    }

    /// <summary>repo:tag (tag latest by default); a Docker client's short name is Docker Hub's.</summary>
    private static string? Destination(IQueryCollection query, bool libpod)
    {
        var repo = query["repo"].ToString();
        if (repo.Length == 0)
        {
            return null;
        }

        var tag = query["tag"].ToString() is { Length: > 0 } given ? given : "latest";
        return libpod ? repo + ":" + tag : ImagePullRoute.DockerHubName(repo + ":" + tag);
    }

    /// <summary>The config members commit understands, as Dockerfile instructions.</summary>
    private static IEnumerable<string> Changes(JsonObject config)
    {
        if (config["Entrypoint"] is JsonArray entrypoint)
        {
            yield return "ENTRYPOINT " + entrypoint.ToJsonString();
        }

        if (config["Cmd"] is JsonArray cmd)
        {
            yield return "CMD " + cmd.ToJsonString();
        }

        foreach (var (key, value) in config["Labels"] as JsonObject ?? [])
        {
            yield return $"LABEL {key}={value}";
        }

        foreach (var env in config["Env"] as JsonArray ?? [])
        {
            yield return "ENV " + env;
        }

        foreach (var (port, _) in config["ExposedPorts"] as JsonObject ?? [])
        {
            yield return "EXPOSE " + port;
        }

        if (config.Text("WorkingDir") is { Length: > 0 } workdir)
        {
            yield return "WORKDIR " + workdir;
        }

        if (config.Text("User") is { Length: > 0 } user)
        {
            yield return "USER " + user;
        }
    }

    private static void Add(List<string> args, string flag, Microsoft.Extensions.Primitives.StringValues value)
    {
        if (value.ToString() is { Length: > 0 } text)
        {
            args.AddRange([flag, text]);
        }
    }
}
