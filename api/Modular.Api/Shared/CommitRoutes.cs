using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// POST /commit (Docker: 201, "sha256:" ID) and /libpod/commit (200, bare ID): the CLI's
/// commit, the body's container config turned into its --change instructions.
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
        Add(args, "--format", libpod ? query["format"] : default);
        args.AddRange(LibpodQuery.Bool(http, "pause") ? ["--pause"] : []);
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
        var repo = query["repo"].ToString();
        var tag = query["tag"].ToString();
        args.AddRange(repo.Length == 0 ? [] : [tag.Length == 0 ? repo : repo + ":" + tag]);
        var id = (await CliBridge.OutputAsync(http, args)).Trim().Split('\n')[^1];
        return libpod
            ? Results.Json(new Dictionary<string, string> { ["Id"] = id })
            : Results.Json(new Dictionary<string, string> { ["Id"] = "sha256:" + id }, statusCode: 201);
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
