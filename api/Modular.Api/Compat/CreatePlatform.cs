using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's <c>containers/create?platform=os/arch[/variant]</c>: the local image is used
/// only when it is built for that platform; another is, as in Podman's image lookup, no
/// such image (404), so the client pulls the one it asked for.
/// </summary>
public static class CreatePlatform
{
    public static async Task RequireAsync(HttpContext http, CliContext cli, string image)
    {
        var text = http.Request.Query["platform"].ToString();
        if (text.Length == 0)
        {
            return;
        }

        Platform wanted;
        try
        {
            wanted = Platform.Parse(text);
        }
        catch (Contracts.Errors.InvalidInputException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "parsing platform: " + e.Message, e.Message);
        }

        System.Text.Json.Nodes.JsonObject inspect;
        try
        {
            inspect = await cli.Services.GetRequiredService<IImageService>().InspectAsync(image, http.RequestAborted);
        }
        catch (Contracts.Errors.NotFoundException)
        {
            return; // The create reports a missing image as it does without a platform.
        }

        var offered = Platform.Normalise(
            inspect["Os"]?.ToString() ?? "linux",
            inspect["Architecture"]?.ToString() ?? "",
            inspect["Variant"]?.ToString());
        if (!wanted.Accepts(offered))
        {
            throw new ApiException(StatusCodes.Status404NotFound,
                $"no such image: {image}: image not known", "image not known");
        }
    }
}
