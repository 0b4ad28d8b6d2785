using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Kube;

namespace Modular.Api.Libpod;

/// <summary>
/// Podman's kube routes: generate (GET /libpod/generate/kube, /libpod/kube/generate), play
/// (POST /libpod/kube/play, /libpod/play/kube, body the YAML) and down (DELETE on the same).
/// </summary>
public static class LibpodKubeRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/generate/kube", (Delegate)Generate);
        app.MapGet("/libpod/kube/generate", (Delegate)Generate);
        foreach (var path in new[] { "/libpod/kube/play", "/libpod/play/kube" })
        {
            app.MapPost(path, (Delegate)Play);
            app.MapDelete(path, (Delegate)Down);
        }
    }

    private static async Task<IResult> Generate(HttpContext http)
    {
        var options = new KubeGenerateOptions
        {
            Service = LibpodQuery.Bool(http, "service"),
            Type = http.Request.Query["type"].ToString() is { Length: > 0 } type ? type : KubeKinds.Pod,
            Replicas = LibpodQuery.Int(http, "replicas") ?? 1,
            PodmanOnly = LibpodQuery.Bool(http, "podmanOnly"),
        };
        _ = LibpodQuery.Bool(http, "noTrunc");
        var names = http.Request.Query["names"].Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
        var cli = http.RequestServices.GetRequiredService<CliContext>();
        try
        {
            var yaml = await cli.Services.GetRequiredService<IKubeGenerator>()
                .GenerateAsync(names, options, http.RequestAborted);
            // Podman answers with its reader's content type (a FIXME there): clients read the body as text.
            return Results.Text(yaml, "application/x-tar");
        }
        catch (ModularException e)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError, "generating YAML: " + e.Message, e.Message);
        }
    }

    private static async Task<IResult> Play(HttpContext http)
    {
        List<string> args = ["kube", "play", "--quiet"];
        if (LibpodQuery.Bool(http, "replace"))
        {
            args.Add("--replace");
        }

        if (!LibpodQuery.Bool(http, "start", absent: true))
        {
            args.Add("--start=false");
        }

        if (!LibpodQuery.Bool(http, "tlsVerify", absent: true))
        {
            args.Add("--tls-verify=false");
        }

        foreach (var network in http.Request.Query["network"].Where(n => !string.IsNullOrEmpty(n)))
        {
            args.AddRange(["--network", network!]);
        }

        var output = await RunWithBodyAsync(http, args, "playing YAML file: ");
        return Results.Json(KubeReport.FromOutput(output));
    }

    private static async Task<IResult> Down(HttpContext http)
    {
        List<string> args = LibpodQuery.Bool(http, "force") ? ["kube", "down", "--force"] : ["kube", "down"];
        var output = await RunWithBodyAsync(http, args, "tearing down YAML file: ");
        return Results.Json(KubeReport.FromOutput(output));
    }

    // The CLI reads the YAML from a file: the body goes to a private temp file for the call.
    private static async Task<string> RunWithBodyAsync(HttpContext http, List<string> args, string failure)
    {
        var directory = Directory.CreateTempSubdirectory("modpod-kube-");
        try
        {
            var file = Path.Combine(directory.FullName, "play.yaml");
            await using (var target = File.Create(file))
            {
                await http.Request.Body.CopyToAsync(target, http.RequestAborted);
            }

            var result = await CliBridge.RunAsync(http, [.. args, file]);
            if (result.ExitCode != 0)
            {
                var message = result.Failure?.Message
                    ?? result.Stderr.Trim().Split('\n')[^1].Replace("Error: ", "", StringComparison.Ordinal);
                throw new ApiException(StatusCodes.Status500InternalServerError, failure + message, message);
            }

            return result.Stdout;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
