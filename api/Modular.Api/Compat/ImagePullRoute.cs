using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Api.Compat;

/// <summary>
/// POST /images/create?fromImage=&amp;tag=: docker pull. Progress lines per layer, then
/// Docker's closing pair "Digest: sha256:..." and "Status: Downloaded newer image for
/// NAME" (or "Image is up to date"). Short names are Docker Hub's, as in Podman's compat tree.
/// </summary>
public static class ImagePullRoute
{
    // fromSrc=- uploads a tarball on this route (docker import), hence the import's limit.
    public static void Map(WebApplication app) =>
        app.MapPost("/images/create", PullAsync).WithMetadata(new BodyLimit(ImageImportRoute.ImportBodyLimit));

    private static Task PullAsync(HttpContext http, CliContext cli) =>
        http.Request.Query["fromImage"].ToString().Length == 0 && http.Request.Query.ContainsKey("fromSrc")
            ? ImageImportRoute.ImportAsync(http, cli)
            : StreamAsync(http, cli, Reference(http), new PullOptions(
            Platform: NonEmpty(http.Request.Query["platform"].ToString()),
            Credentials: RegistryAuthHeader.Credentials(http)));

    /// <summary>
    /// Pulls <paramref name="reference"/> writing Docker's lines; libpod's pull with
    /// compatMode=true streams the same (Podman's CompatPull).
    /// </summary>
    internal static async Task StreamAsync(HttpContext http, CliContext cli, string reference, PullOptions options)
    {
        var before = await IdOfAsync(cli, reference, http.RequestAborted);
        var stream = new JsonLineStream();
        options = options with { Copy = new DockerCopyProgress(stream, push: false) };
        await RegistryStatus.OnFailureAsync(() => stream.RunAsync(http, async () =>
        {
            var image = await cli.Images.PullAsync(reference, options, http.RequestAborted);

            // Podman's compat pull ends on "Download complete" with the image's short id;
            // Docker's closing pair follows for the docker CLI.
            stream.Status("Download complete", image.Id[..Math.Min(12, image.Id.Length)]);
            stream.Status("Digest: " + image.Digest);
            var state = before == image.Id ? "Image is up to date for " : "Downloaded newer image for ";
            stream.Status("Status: " + state + reference);
        }));
    }

    /// <summary>fromImage with tag: "name:tag", or "name@sha256:..." when the tag is a digest.</summary>
    internal static string Reference(HttpContext http)
    {
        var name = http.Request.Query["fromImage"].ToString();
        var tag = http.Request.Query["tag"].ToString();
        if (name.Length == 0)
        {
            throw new InvalidInputException("fromImage parameter cannot be empty");
        }

        name = DockerHubName(name);
        if (tag.Length == 0)
        {
            return name;
        }

        // Docker replaces a tag fromImage already carries (field case API-02): "x:v1" with
        // tag=v1 is x:v1, never "x:v1:v1". A port before the last slash is not a tag.
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > slash && !name.Contains('@'))
        {
            name = name[..colon];
        }

        return tag.Contains(':') ? name + "@" + tag : name + ":" + tag;
    }

    /// <summary>
    /// A Docker client's short name means Docker Hub's image, as Podman's compat tree reads
    /// it (NormalizeToDockerHub): "busybox" is docker.io/library/busybox, "me/app"
    /// docker.io/me/app. A name whose first part is a host (a dot, a port or localhost)
    /// stays as given.
    /// </summary>
    internal static string DockerHubName(string name)
    {
        var slash = name.IndexOf('/');
        var first = slash < 0 ? "" : name[..slash];
        if (first.Contains('.') || first.Contains(':') || first == "localhost")
        {
            return name;
        }

        return slash < 0 ? "docker.io/library/" + name : "docker.io/" + name;
    }

    private static async Task<string?> IdOfAsync(CliContext cli, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return (await cli.Images.ResolveAsync(reference, cancellationToken)).Id;
        }
        catch (ModularException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;
}
