using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Manifests;

namespace Modular.Remote.Services;

/// <summary>
/// manifest push through POST /libpod/manifests/{name}/registry/{destination}. Without -q
/// the service streams {"stream"} lines that go to the progress writer; --rm is a DELETE
/// once the push succeeded, as podman-remote does it.
/// </summary>
public sealed class RemoteManifestListPusher(LibpodClient libpod, IManifestListService lists) : IManifestListPusher
{
    public async Task<string> PushAsync(
        string listName,
        string destination,
        ManifestPushOptions push,
        CancellationToken cancellationToken)
    {
        var path = $"libpod/manifests/{LibpodClient.Escape(listName)}/registry/{LibpodClient.Escape(destination)}"
            + $"?all={Flag(push.All)}&quiet={Flag(push.Progress is null)}"
            + (push.Format is { Length: > 0 } format ? "&format=" + LibpodClient.Escape(format) : "")
            + (push.Push.TlsVerify is { } tls ? "&tlsVerify=" + Flag(tls) : "");
        using var body = RegistryAuthContent.Body(push.Push.Credentials, push.Push.AuthFile, destination);
        using var response = await PostAsync(path, body, destination, cancellationToken);
        var digest = await ReadReportAsync(response, push.Progress, cancellationToken);
        if (push.Remove)
        {
            await lists.DeleteAsync(listName, cancellationToken);
        }

        return digest;
    }

    // The service words a failure as Podman does ("pushing image \"DEST\": CAUSE"); the
    // command prints the cause alone, as the local push does, not the prefix twice.
    private async Task<HttpResponseMessage> PostAsync(
        string path,
        HttpContent body,
        string destination,
        CancellationToken cancellationToken)
    {
        var prefix = $"pushing image \"{destination}\": ";
        try
        {
            return await libpod.PostContentAsync(path, body, cancellationToken);
        }
        catch (InvalidInputException e) when (e.Message.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidInputException(e.Message[prefix.Length..]);
        }
    }

    private static async Task<string> ReadReportAsync(
        HttpResponseMessage response,
        TextWriter? progress,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Trim().Length == 0 || JsonNode.Parse(line) is not JsonObject report)
            {
                continue;
            }

            if (report["error"]?.ToString() is { Length: > 0 } error)
            {
                throw new BackendException(error);
            }

            if (report["stream"]?.ToString() is { } stream && progress is not null)
            {
                await progress.WriteAsync(stream);
            }

            if (report["Id"]?.ToString() is { Length: > 0 } id)
            {
                return id;
            }
        }

        throw new BackendException("manifest push: the service answered no digest");
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
