using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Commands;

namespace Modular.Api.Compat;

/// <summary>Docker's /_ping and /version: what every client asks first.</summary>
public static class CompatSystemRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapMethods("/_ping", ["GET", "HEAD"], Ping);
        app.MapGet("/version", Version);
    }

    /// <summary>Answers "OK" with the headers clients negotiate their API level from.</summary>
    public static async Task Ping(HttpContext http)
    {
        ServerHeaders.Add(http.Response);
        var headers = http.Response.Headers;
        headers["Docker-Experimental"] = "true";
        headers["Cache-Control"] = "no-cache";
        headers["Pragma"] = "no-cache";
        headers["BuildKit-Version"] = "";
        headers["Ostype"] = "linux"; // Docker sends it (undocumented), spelled as Go canonicalizes it.
        http.Response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.WriteAsync("OK");
        }
    }

    private static IResult Version(HttpContext http)
    {
        ServerHeaders.Add(http.Response);
        var kernel = Environment.OSVersion.Version.ToString();
        var engine = new Dictionary<string, object>
        {
            ["Name"] = "Podman Engine",
            ["Version"] = SystemCommands.ProductVersion,
            ["Details"] = new Dictionary<string, string>
            {
                // Podman's engine component reports its own (libpod) API levels.
                ["APIVersion"] = ApiVersions.Libpod,
                ["MinAPIVersion"] = "4.0.0",
                ["Os"] = "linux",
                ["Arch"] = Arch(),
                ["KernelVersion"] = kernel,
            },
        };
        return Results.Json(new Dictionary<string, object>
        {
            ["Platform"] = new Dictionary<string, string> { ["Name"] = "linux/" + Arch() + "/debian" },
            ["Components"] = new[] { engine },
            ["Version"] = SystemCommands.ProductVersion,
            ["ApiVersion"] = ApiVersions.DockerMaximum,
            ["MinAPIVersion"] = ApiVersions.DockerMinimum,
            ["GitCommit"] = "",
            ["GoVersion"] = "",
            ["Os"] = "linux",
            ["Arch"] = Arch(),
            ["KernelVersion"] = kernel,
            ["BuildTime"] = "",
            ["Experimental"] = true,
        });
    }

    internal static string Arch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
