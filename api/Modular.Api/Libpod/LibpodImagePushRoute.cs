using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Compat;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Api.Libpod;

/// <summary>
/// POST /libpod/images/{name}/push?destination=: Podman's push stream. Each copy line as
/// <c>{"stream": "..."}</c> (none with quiet), then <c>{"manifestdigest": "sha256:..."}</c>;
/// a failure before any line keeps its status code, a later one is an in-stream error.
/// </summary>
public static class LibpodImagePushRoute
{
    public static async Task<IResult> PushAsync(HttpContext http, string image)
    {
        var cli = http.RequestServices.GetRequiredService<CliContext>();
        var query = http.Request.Query;
        var destination = query["destination"].ToString() is { Length: > 0 } given ? given : image;
        var stream = new JsonLineStream();
        var quiet = LibpodQuery.Bool(http, "quiet");
        var options = new PushOptions(
            TlsVerify: http.Request.Query.ContainsKey("tlsVerify") ? LibpodQuery.Bool(http, "tlsVerify") : null,
            Format: NonEmpty(query["format"].ToString()),
            CompressionFormat: NonEmpty(query["compressionFormat"].ToString()),
            CompressionLevel: LibpodQuery.Int(http, "compressionLevel"),
            ForceCompression: LibpodQuery.Bool(http, "forceCompressionFormat"),
            Progress: new CopyProgress(quiet ? null : new StreamLineWriter(stream)),
            Credentials: RegistryAuthHeader.Credentials(http));
        await cli.Images.ResolveAsync(image, http.RequestAborted);
        var pusher = cli.Services.GetRequiredService<IImagePusher>();
        await stream.RunAsync(http, async () =>
        {
            var digest = await pusher.PushAsync(image, Registry(destination), options, http.RequestAborted);
            stream.Post(new JsonObject { ["manifestdigest"] = digest });
        });
        return Results.Empty;
    }

    /// <summary>Podman's clients may send the transport; the pusher takes the bare reference.</summary>
    private static string Registry(string destination) =>
        destination.StartsWith("docker://", StringComparison.Ordinal) ? destination["docker://".Length..] : destination;

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;
}
