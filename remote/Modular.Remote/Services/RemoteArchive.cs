using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Copy;

namespace Modular.Remote.Services;

/// <summary>
/// A container's files through the service's /libpod/containers/NAME/archive routes: HEAD for
/// a path's status, GET for a tar of it, PUT to extract a tar into a directory. Paths are
/// resolved by the service exactly as a local cp resolves them, so its errors read the same.
/// </summary>
public sealed class RemoteArchive(LibpodClient libpod)
{
    private const string StatHeader = "X-Docker-Container-Path-Stat";

    /// <summary>A path's status, symlinks followed once; null when the path is missing.</summary>
    public async Task<RemotePathStat?> StatAsync(
        string container,
        string path,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await libpod.SendContentAsync(HttpMethod.Head, Route(container, path), null, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        using (response)
        {
            return Parse(response);
        }
    }

    /// <summary>The tar of a path and its status; the service's own error when either is missing.</summary>
    public async Task<(HttpResponseMessage Response, RemotePathStat Stat)> GetAsync(
        string container,
        string path,
        CancellationToken cancellationToken)
    {
        var response = await libpod.GetAsync(Route(container, path), cancellationToken);
        return (response, Parse(response));
    }

    /// <summary>Extracts a tar into the existing directory <paramref name="path"/>.</summary>
    public async Task PutAsync(
        string container,
        string path,
        Stream tar,
        CopyRequest request,
        CancellationToken cancellationToken)
    {
        var query = Route(container, path)
            + "&copyUIDGID=" + (request.Chown ? "true" : "false")
            + "&noOverwriteDirNonDir=" + (request.Overwrite ? "false" : "true");
        using var content = new StreamContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await libpod.SendContentAsync(HttpMethod.Put, query, content, cancellationToken);
    }

    /// <summary>Fails as a local cp does when the container is missing.</summary>
    public async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await libpod.GetAsync(
                $"libpod/containers/{LibpodClient.Escape(container)}/exists", cancellationToken);
        }
        catch (NotFoundException e)
        {
            throw new NotFoundException($"container \"{container}\" does not exist", e);
        }
    }

    private static string Route(string container, string path) =>
        $"libpod/containers/{LibpodClient.Escape(container)}/archive?path={LibpodClient.Escape(path)}";

    private static RemotePathStat Parse(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(StatHeader, out var values))
        {
            throw new BackendException("the service sent no path status");
        }

        var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(values.First())))!;
        var mode = json["mode"]!.GetValue<uint>();
        return new RemotePathStat(
            json["name"]?.GetValue<string>() ?? "",
            IsDirectory: (mode & (1u << 31)) != 0,
            IsSymlink: (mode & (1u << 27)) != 0,
            json["linkTarget"]?.GetValue<string>() ?? "");
    }
}
