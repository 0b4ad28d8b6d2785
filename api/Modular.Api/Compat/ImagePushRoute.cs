using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Images;

namespace Modular.Api.Compat;

/// <summary>
/// POST /images/NAME/push?tag=: docker push. "The push refers to repository [NAME]", a
/// line per layer, then "TAG: digest: sha256:... size: N" with the same as an aux object.
/// X-Registry-Auth is used as the push's credentials and never written anywhere.
/// </summary>
public static class ImagePushRoute
{
    internal static async Task PushAsync(HttpContext http, CliContext cli, string name)
    {
        var tag = http.Request.Query["tag"].ToString();
        var reference = tag.Length == 0 ? name : name + ":" + tag;
        var stream = new JsonLineStream();
        var progress = new DockerCopyProgress(stream, push: true);
        var options = new PushOptions(Credentials: RegistryAuthHeader.Credentials(http), Progress: progress);
        var pusher = cli.Services.GetRequiredService<ImagePusher>();
        await cli.Images.ResolveAsync(reference, http.RequestAborted);
        stream.Status($"The push refers to repository [{name}]");
        await stream.RunAsync(http, async () =>
        {
            var digest = await pusher.PushAsync(reference, reference, options, http.RequestAborted);
            var shownTag = tag.Length == 0 ? "latest" : tag;
            var size = progress.ManifestSize;
            // Two lines, as Docker writes them: its CLI prints a status but not a line with aux.
            stream.Status($"{shownTag}: digest: {digest} size: {size}");
            stream.Post(new JsonObject
            {
                ["progressDetail"] = new JsonObject(),
                ["aux"] = new JsonObject { ["Tag"] = shownTag, ["Digest"] = digest, ["Size"] = size },
            });
        });
    }
}
