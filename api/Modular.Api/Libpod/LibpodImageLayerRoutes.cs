using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Management;

namespace Modular.Api.Libpod;

/// <summary>/libpod/images/{name}/tree (Podman 4's {"Tree": text}) and /changes (diff of an image).</summary>
public static class LibpodImageLayerRoutes
{
    public static async Task<IResult> TreeAsync(HttpContext http, string image)
    {
        var cli = http.RequestServices.GetRequiredService<CliContext>();
        var whatRequires = LibpodQuery.Bool(http, "whatrequires");
        var tree = await cli.Services.GetRequiredService<IImageTreeRenderer>()
            .RenderAsync(image, whatRequires, http.RequestAborted);
        return LibpodJson.Body(new JsonObject { ["Tree"] = tree });
    }

    /// <summary>An image's changes: the same answer as the container route's for that name.</summary>
    public static Task<IResult> ChangesAsync(HttpContext http, string image) =>
        ContainerChangeRoutes.ImageChangesAsync(http, image);
}
