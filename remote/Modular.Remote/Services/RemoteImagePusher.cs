using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Remote.Services;

/// <summary>
/// <c>push</c> to a registry over POST /libpod/images/{name}/push: the service pushes, its
/// copy lines come back as <c>{"stream"}</c> lines and are printed as the local push prints them.
/// </summary>
public sealed class RemoteImagePusher(LibpodClient libpod) : IImagePusher
{
    public async Task<string> PushAsync(
        string source,
        string destination,
        PushOptions push,
        CancellationToken cancellationToken)
    {
        var query = new QueryText($"libpod/images/{source}/push")
            .Add("destination", destination)
            .Add("quiet", push.Progress is null)
            .Add("format", push.Format)
            .Add("compressionFormat", push.CompressionFormat)
            .Add("compressionLevel", push.CompressionLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query = push.TlsVerify is { } verify ? query.Add("tlsVerify", verify) : query;
        query = push.ForceCompression ? query.Add("forceCompressionFormat", true) : query;
        using var content = RegistryAuthContent.Body(push.Credentials, push.AuthFile, destination);

        using var response = await libpod.PostContentAsync(query.ToString(), content, cancellationToken);
        return await ReadStreamAsync(response, push, cancellationToken);
    }

    private static async Task<string> ReadStreamAsync(
        HttpResponseMessage response,
        PushOptions push,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? digest = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var item = JsonNode.Parse(line);
            if (item?["error"]?.ToString() is { Length: > 0 } error)
            {
                throw new BackendException(error);
            }

            if (item?["stream"]?.ToString() is { Length: > 0 } text)
            {
                push.Progress?.Message(text.TrimEnd('\n'));
            }

            digest = item?["manifestdigest"]?.ToString() ?? digest;
        }

        return digest ?? throw new BackendException("push: the service sent no manifest digest");
    }
}
