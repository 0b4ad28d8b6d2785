using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Compat;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Api.Libpod;

/// <summary>
/// POST /libpod/images/pull as Podman 5 serves it: <c>quiet</c> answers one report;
/// <c>compatMode</c> streams Docker's lines; otherwise a stream of <c>{"status":"pulling",
/// "stream":...}</c> lines (with <c>pullProgress</c>, per-blob progress too) ending in
/// <c>{"status":"success","images":[...],"id":...}</c> or <c>{"status":"error","error":...}</c>.
/// A failure before anything was sent answers with its status code instead.
/// </summary>
public static class LibpodImagePullRoute
{
    public static async Task PullAsync(HttpContext http)
    {
        var reference = http.Request.Query["reference"].ToString();
        var compat = LibpodQuery.Bool(http, "compatMode");
        var progress = LibpodQuery.Bool(http, "pullProgress");
        var quiet = LibpodQuery.Bool(http, "quiet");
        Refuse(compat && progress, "'compatMode' and 'pullProgress' cannot be used simultaneously");
        Refuse(compat && quiet, "'compatMode' and 'quiet' cannot be used simultaneously");
        Refuse(progress && quiet, "'pullProgress' and 'quiet' cannot be used simultaneously");
        Refuse(reference.Length == 0, "reference parameter cannot be empty");

        var cli = http.RequestServices.GetRequiredService<CliContext>();
        var policy = http.Request.Query["policy"].ToString();
        if (policy is "missing" or "never" && await LocalIdAsync(cli, reference, http) is { } id)
        {
            await WriteReportAsync(http, new JsonObject { ["images"] = new JsonArray(id), ["id"] = id });
            return;
        }

        if (policy == "never")
        {
            throw new NotFoundException($"{reference}: image not known");
        }

        var options = new PullOptions(TlsVerify: TlsVerify(http), Credentials: RegistryAuthHeader.Credentials(http));
        if (compat)
        {
            await ImagePullRoute.StreamAsync(http, cli, reference, options);
        }
        else if (quiet || LibpodQuery.Bool(http, "allTags"))
        {
            await QuietAsync(http, cli, reference, options);
        }
        else
        {
            await StreamAsync(http, cli, reference, options, progress);
        }
    }

    private static async Task StreamAsync(
        HttpContext http,
        CliContext cli,
        string reference,
        PullOptions options,
        bool pullProgress)
    {
        var stream = new JsonLineStream();
        var progress = new LibpodPullProgress(stream, pullProgress);
        await RegistryStatus.OnFailureAsync(() => stream.RunAsync(http, async () =>
        {
            try
            {
                var image = await cli.Images.PullAsync(reference, options with { Copy = progress }, http.RequestAborted);
                progress.Flush();
                stream.Post(new JsonObject
                {
                    ["status"] = "success",
                    ["images"] = new JsonArray(image.Id),
                    ["id"] = image.Id,
                });
            }
            catch (Exception e) when (progress.Started && e is not OperationCanceledException)
            {
                // Lines went out already: the failure becomes the stream's last line.
                progress.Flush();
                stream.Post(new JsonObject { ["status"] = "error", ["error"] = ErrorMapper.MessageFor(e) });
            }
        }));
    }

    /// <summary>quiet=true (and allTags): the CLI's pull, one report when it is done.</summary>
    private static async Task QuietAsync(HttpContext http, CliContext cli, string reference, PullOptions options)
    {
        // Credentials never go on an argv: with them, the engine pulls directly.
        if (options.Credentials is not null && !LibpodQuery.Bool(http, "allTags"))
        {
            string id = "";
            await RegistryStatus.OnFailureAsync(async () =>
                id = (await cli.Images.PullAsync(reference, options with { Quiet = true }, http.RequestAborted)).Id);
            await WriteReportAsync(http, new JsonObject { ["images"] = new JsonArray(id), ["id"] = id });
            return;
        }

        var args = new List<string> { "pull", "--quiet" };
        args.AddRange(LibpodQuery.Bool(http, "allTags") ? ["--all-tags"] : []);
        args.AddRange(TlsVerify(http) == false ? ["--tls-verify=false"] : []);
        args.Add(reference);
        var output = await CliBridge.RunAsync(http, args);
        output.ThrowOnFailure();
        var ids = output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await WriteReportAsync(http, new JsonObject
        {
            ["images"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]),
            ["id"] = ids.LastOrDefault() ?? "",
        });
    }

    private static async Task<string?> LocalIdAsync(CliContext cli, string reference, HttpContext http)
    {
        try
        {
            return (await cli.Images.ResolveAsync(reference, http.RequestAborted)).Id;
        }
        catch (ModularException)
        {
            return null;
        }
    }

    private static bool? TlsVerify(HttpContext http) =>
        http.Request.Query.ContainsKey("tlsVerify") ? LibpodQuery.Bool(http, "tlsVerify") : null;

    private static Task WriteReportAsync(HttpContext http, JsonObject report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(report.ToJsonString(LibpodJson.Relaxed) + "\n");
    }

    private static void Refuse(bool condition, string message)
    {
        if (condition)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, message);
        }
    }
}
