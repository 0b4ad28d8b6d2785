using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Manifests;

namespace Modular.Api.Libpod;

/// <summary>
/// POST /libpod/manifests/{name}/registry/{destination}: pushes the list. Quiet (Podman's
/// default) answers {"Id": digest}; otherwise JSON lines of {"stream"} progress, then the
/// {"Id"} or {"error"} line. A failure before any byte is Podman's 400 "pushing image".
/// </summary>
public static class LibpodManifestPushRoute
{
    public static async Task<IResult> PushAsync(HttpContext http, CliContext cli, string name, string destination)
    {
        var quiet = http.QueryFlag("quiet", absent: true);
        var progress = new StringWriter();
        var options = new ManifestPushOptions(
            new PushOptions(
                TlsVerify: http.Request.Query.ContainsKey("tlsVerify") ? http.QueryFlag("tlsVerify") : null,
                Credentials: Compat.RegistryAuthHeader.Credentials(http)),
            All: http.QueryFlag("all"),
            Format: http.Request.Query["format"].ToString() is { Length: > 0 } format ? format : null,
            Progress: quiet ? null : progress);
        var pusher = cli.Services.GetRequiredService<IManifestListPusher>();
        string digest;
        try
        {
            digest = await pusher.PushAsync(name, destination, options, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException and not NotFoundException)
        {
            // A missing list keeps its own 404 and words, so a remote push of it reads as
            // the local one; the rest is Podman's 400 "pushing image".
            var message = $"pushing image \"{destination}\": {ErrorMapper.MessageFor(e)}";
            throw new ApiException(StatusCodes.Status400BadRequest, message, ErrorMiddleware.InnermostCause(message));
        }

        return quiet ? Results.Json(new JsonObject { ["Id"] = digest }) : Stream(progress.ToString(), digest);
    }

    private static IResult Stream(string progress, string digest)
    {
        var lines = progress.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => new JsonObject { ["stream"] = line + "\n" }.ToJsonString())
            .Append(new JsonObject { ["Id"] = digest }.ToJsonString());
        return Results.Text(string.Join('\n', lines) + "\n", "application/json");
    }
}
