using System.Net.Http.Headers;
using Modular.Contracts.Errors;

namespace Modular.Remote.Services;

/// <summary>A local file as a request body: load and import read files on the client's side.</summary>
internal static class ArchiveUpload
{
    public static async Task<HttpResponseMessage> PostFileAsync(
        LibpodClient libpod,
        string path,
        string file,
        string missing,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new NotFoundException(missing);
        }

        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        return await libpod.PostContentAsync(path, content, cancellationToken);
    }
}
