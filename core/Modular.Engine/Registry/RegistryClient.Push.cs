using System.Net;
using System.Net.Http.Headers;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>
/// The upload half of the Registry HTTP API v2 (distribution spec "push"): blob checks,
/// cross-repository mounts, monolithic and chunked uploads, and manifest PUTs.
/// </summary>
public sealed partial class RegistryClient
{
    /// <summary>HEAD of a blob: whether the repository already has it.</summary>
    public async Task<bool> BlobExistsAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken)
    {
        using var response = await SendPushAsync(
            repository, null, HttpMethod.Head, $"/v2/{repository}/blobs/{digest}", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"checking whether a blob {digest} exists in {_domain}/{repository}", cancellationToken);
        return true;
    }

    /// <summary>
    /// Asks the registry to link a blob it holds for <paramref name="from"/> into
    /// <paramref name="repository"/>. False when it would not (then it has opened an upload,
    /// which is cancelled so nothing is left behind).
    /// </summary>
    public async Task<bool> MountBlobAsync(
        string repository,
        string digest,
        string from,
        CancellationToken cancellationToken)
    {
        var path = $"/v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}"
            + $"&from={Uri.EscapeDataString(from)}";
        using var response = await SendPushAsync(repository, from, HttpMethod.Post, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return true;
        }

        if (response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is { } location)
        {
            using var _ = await SendPushAsync(
                repository, null, HttpMethod.Delete, location.OriginalString, null, cancellationToken);
        }

        return false;
    }

    /// <summary>POST to open an upload; returns its location.</summary>
    public async Task<string> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await SendPushAsync(
            repository, null, HttpMethod.Post, $"/v2/{repository}/blobs/uploads/", null, cancellationToken);
        await EnsureSuccessAsync(response, $"initiating a blob upload to {_domain}/{repository}", cancellationToken);
        return LocationOf(response);
    }

    /// <summary>PATCH one chunk at <paramref name="start"/>; returns the upload's next location.</summary>
    public async Task<string> UploadChunkAsync(
        string repository,
        string location,
        ReadOnlyMemory<byte> chunk,
        long start,
        CancellationToken cancellationToken)
    {
        HttpContent Content()
        {
            var content = new ReadOnlyMemoryContent(chunk);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{start + chunk.Length - 1}");
            return content;
        }

        using var response = await SendPushAsync(
            repository, null, HttpMethod.Patch, location, Content, cancellationToken);
        await EnsureSuccessAsync(response, $"uploading a chunk to {_domain}/{repository}", cancellationToken);
        return LocationOf(response);
    }

    /// <summary>PUT that closes an upload as <paramref name="digest"/>, with the last bytes if any.</summary>
    public async Task FinishUploadAsync(
        string repository,
        string location,
        string digest,
        ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken)
    {
        var separator = location.Contains('?') ? '&' : '?';
        var target = $"{location}{separator}digest={Uri.EscapeDataString(digest)}";
        HttpContent Content()
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return content;
        }

        using var response = await SendPushAsync(repository, null, HttpMethod.Put, target, Content, cancellationToken);
        await EnsureSuccessAsync(response, $"writing blob {digest} to {_domain}/{repository}", cancellationToken);
    }

    /// <summary>PUT of a manifest under a tag or digest; returns the manifest's digest.</summary>
    public async Task PutManifestAsync(
        string repository,
        string reference,
        byte[] manifest,
        string mediaType,
        CancellationToken cancellationToken)
    {
        HttpContent Content()
        {
            var content = new ByteArrayContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return content;
        }

        using var response = await SendPushAsync(
            repository, null, HttpMethod.Put, $"/v2/{repository}/manifests/{reference}", Content, cancellationToken);
        await EnsureSuccessAsync(response, $"writing manifest to {_domain}/{repository}:{reference}", cancellationToken);
    }

    private Task<HttpResponseMessage> SendPushAsync(
        string repository,
        string? mountFrom,
        HttpMethod method,
        string pathOrLocation,
        Func<HttpContent>? content,
        CancellationToken cancellationToken)
    {
        var scope = $"repository:{repository}:pull,push";
        if (mountFrom is not null)
        {
            scope += $" repository:{mountFrom}:pull";
        }

        return SendAuthorizedAsync(
            scope,
            baseAddress => new HttpRequestMessage(method, Resolve(baseAddress, pathOrLocation))
            {
                Content = content?.Invoke(),
            },
            cancellationToken);
    }

    // Upload locations may be absolute or relative to the registry (distribution spec).
    private static Uri Resolve(string baseAddress, string pathOrLocation) =>
        new(new Uri(baseAddress + "/"), pathOrLocation);

    private string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString
        ?? throw new InvalidInputException($"{_domain}: upload response without a Location header");
}
