using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Compat;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Commands;

namespace Modular.Api.Libpod;

/// <summary>Podman's own tree: /libpod/_ping answers as the compatible one does; version, info.</summary>
public static class LibpodSystemRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapMethods("/libpod/_ping", ["GET", "HEAD"], CompatSystemRoutes.Ping);
        app.MapGet("/libpod/version", Version);
        app.MapGet("/libpod/info", (Delegate)Info);
        LibpodContainerRoutes.Map(app);
        LibpodAttachRoutes.Map(app);
        LibpodExecRoutes.Map(app);
        LibpodImageRoutes.Map(app);
        LibpodPodRoutes.Map(app);
        LibpodVolumeRoutes.Map(app);
        LibpodNetworkRoutes.Map(app);
        LibpodNetworkConnectRoutes.Map(app);
        LibpodVolumeTransferRoutes.Map(app);
        LibpodManifestRoutes.Map(app);
        LibpodEventRoutes.Map(app);
        LibpodSystemDfRoutes.Map(app);
        LibpodSecretRoutes.Map(app);
        CommitRoutes.Map(app);
        LibpodContainerStatsRoute.Map(app);
        LibpodContainersStatsRoute.Map(app);
        LibpodKubeRoutes.Map(app);
    }

    /// <summary>Docker's version object with the libpod API level, as Podman's clients read it.</summary>
    private static IResult Version(HttpContext http)
    {
        ServerHeaders.Add(http.Response);
        var kernel = Environment.OSVersion.Version.ToString();
        var arch = CompatSystemRoutes.Arch();
        var details = new Dictionary<string, string>
        {
            ["APIVersion"] = ApiVersions.Libpod,
            ["Arch"] = arch,
            ["BuildTime"] = "1970-01-01T00:00:00+00:00",
            ["Experimental"] = "false",
            ["GitCommit"] = "",
            ["GoVersion"] = "",
            ["KernelVersion"] = kernel,
            ["MinAPIVersion"] = "4.0.0",
            ["Os"] = "linux",
        };
        return Results.Json(new Dictionary<string, object>
        {
            ["Platform"] = new Dictionary<string, string> { ["Name"] = "linux/" + arch + "/debian" },
            ["Components"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["Name"] = "Podman Engine", ["Version"] = SystemCommands.ProductVersion, ["Details"] = details,
                },
            },
            ["Version"] = SystemCommands.ProductVersion,
            ["ApiVersion"] = ApiVersions.DockerMaximum,
            ["MinAPIVersion"] = ApiVersions.DockerMinimum,
            ["GitCommit"] = "",
            ["GoVersion"] = "",
            ["Os"] = "linux",
            ["Arch"] = arch,
            ["KernelVersion"] = kernel,
            ["BuildTime"] = "1970-01-01T00:00:00+00:00",
        });
    }

    private static async Task<IResult> Info(HttpContext http)
    {
        var text = await CliBridge.OutputAsync(http, ["info", "--format", "json"]);
        return Results.Text(text, "application/json");
    }
}
