using System.Net.Sockets;

namespace Modular.Remote.Services;

/// <summary>
/// Requests whose body or answer is a byte stream (a tar) rather than JSON: volume export
/// and import. Failures come back as the same typed exceptions as <see cref="LibpodClient"/>.
/// </summary>
internal static class LibpodStreams
{
    /// <summary>GETs <paramref name="path"/> and copies the answer's body into <paramref name="output"/>.</summary>
    public static async Task DownloadAsync(
        LibpodClient libpod,
        string path,
        Stream output,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        using var response = await SendAsync(libpod, request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>POSTs <paramref name="input"/> as a tar body to <paramref name="path"/>.</summary>
    public static async Task UploadAsync(
        LibpodClient libpod,
        string path,
        Stream input,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StreamContent(input),
        };
        request.Content.Headers.ContentType = new("application/x-tar");
        using var _ = await SendAsync(libpod, request, cancellationToken);
    }

    /// <summary>Sends a prepared request (a PUT, say) and maps an error answer as LibpodClient does.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(
        LibpodClient libpod,
        HttpRequestMessage request,
        CancellationToken cancellationToken) =>
        SendAsync(libpod, request, cancellationToken);

    private static async Task<HttpResponseMessage> SendAsync(
        LibpodClient libpod,
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await libpod.Transport.Client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException)
        {
            throw libpod.Transport.Unreachable(e.InnerException);
        }

        if ((int)response.StatusCode < 400)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw LibpodClient.Error(response.StatusCode, text);
        }
    }
}
