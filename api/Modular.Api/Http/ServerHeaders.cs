using Microsoft.AspNetCore.Http;
using Modular.Cli.Commands;

namespace Modular.Api.Http;

/// <summary>Headers every answer carries, as clients expect from a Podman service.</summary>
public static class ServerHeaders
{
    public static void Add(HttpResponse response)
    {
        var headers = response.Headers;
        headers["API-Version"] = ApiVersions.DockerMaximum;
        headers["Libpod-API-Version"] = ApiVersions.Libpod;
        headers["Server"] = $"Modular/{SystemCommands.ProductVersion} (linux)";
    }
}
