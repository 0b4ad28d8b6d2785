using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Remote.Services;

/// <summary>
/// IImageService over /libpod/images. The service's list entries are already the CLI's
/// summaries, so <see cref="Summarize"/> hands back the entry the image was listed from.
/// </summary>
public sealed class RemoteImageService(LibpodClient libpod) : IImageService
{
    private readonly ConcurrentDictionary<string, JsonObject> _summaries = new();

    public async Task<LocalImage> PullAsync(string reference, PullOptions options, CancellationToken cancellationToken)
    {
        var query = $"libpod/images/pull?reference={LibpodClient.Escape(reference)}&quiet=true"
            + (options.TlsVerify is { } verify ? $"&tlsVerify={(verify ? "true" : "false")}" : "");
        using var body = RegistryAuthContent.Body(options.Credentials, options.AuthFile, reference);
        using var response = await libpod.PostContentAsync(query, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? id = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var report = JsonNode.Parse(line);
            if (report?["error"]?.ToString() is { Length: > 0 } error)
            {
                throw new BackendException(error);
            }

            id = report?["id"]?.ToString() ?? id;
        }

        return await ResolveAsync(id ?? reference, cancellationToken);
    }

    /// <summary>The archive is read on the client's side and uploaded as the body.</summary>
    public async Task<IReadOnlyList<string>> LoadAsync(string archivePath, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await ArchiveUpload.PostFileAsync(
                libpod, "libpod/images/load", archivePath, RemoteArchiveErrors.Missing(archivePath), cancellationToken);
        }
        catch (ModularException e)
        {
            throw UploadErrors.Translate(e, "unable to load image: ", archivePath);
        }

        using var owned = response;
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return ImageJson.Strings(report?["Names"]);
    }

    public async Task<LocalImage> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
        ImageJson.FromInspect(await InspectAsync(nameOrId, cancellationToken));

    public async Task<IReadOnlyList<LocalImage>> ListAsync(bool all, CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync($"libpod/images/json?all={(all ? "true" : "false")}", cancellationToken);
        var images = new List<LocalImage>();
        foreach (var entry in (list as JsonArray ?? []).OfType<JsonObject>())
        {
            var image = ImageJson.FromListEntry(entry);
            _summaries[image.Id] = ImageSummaryJson.FromListEntry(entry);
            images.Add(image);
        }

        return images;
    }

    public async Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            return await libpod.GetJsonAsync($"libpod/images/{Path(nameOrId)}/json", cancellationToken) as JsonObject
                ?? throw new BackendException($"inspect {nameOrId}: empty answer");
        }
        catch (NotFoundException e)
        {
            // The service words the lookup as Podman's API does; the local CLI says the cause alone.
            throw RemoteArchiveErrors.ImageNotKnown(e, nameOrId);
        }
    }

    public JsonObject Summarize(LocalImage image) =>
        _summaries.TryGetValue(image.Id, out var summary)
            ? (JsonObject)summary.DeepClone()
            : new JsonObject { ["Id"] = image.Id, ["Names"] = ImageJson.Array(image.Names) };

    public async Task TagAsync(string nameOrId, string newName, CancellationToken cancellationToken)
    {
        var (repo, tag) = SplitTag(newName);
        var path = $"libpod/images/{Path(nameOrId)}/tag?repo={LibpodClient.Escape(repo)}&tag={LibpodClient.Escape(tag)}";
        using var _ = await libpod.PostAsync(path, null, cancellationToken);
    }

    public async Task UntagAsync(string nameOrId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            // No name given: every name of the image goes, as the service's untag without repo does.
            using var all = await libpod.PostAsync($"libpod/images/{Path(nameOrId)}/untag", null, cancellationToken);
            return;
        }

        foreach (var name in names)
        {
            var (repo, tag) = SplitTag(name);
            var path = $"libpod/images/{Path(nameOrId)}/untag?repo={LibpodClient.Escape(repo)}&tag={LibpodClient.Escape(tag)}";
            using var _ = await libpod.PostAsync(path, null, cancellationToken);
        }
    }

    public Task<IReadOnlyList<string>> RemoveAsync(string nameOrId, bool force, CancellationToken cancellationToken) =>
        RemoveAsync(nameOrId, force, noPrune: false, cancellationToken);

    public async Task<IReadOnlyList<string>> RemoveAsync(
        string nameOrId,
        bool force,
        bool noPrune,
        CancellationToken cancellationToken)
    {
        var path = $"libpod/images/{Path(nameOrId)}?force={Flag(force)}&noprune={Flag(noPrune)}";
        using var response = await libpod.DeleteAsync(path, cancellationToken);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var lines = new List<string>();
        lines.AddRange(ImageJson.Strings(report?["Untagged"]).Select(name => "Untagged: " + name));
        lines.AddRange(ImageJson.Strings(report?["Deleted"]).Select(id => "Deleted: " + id));
        return lines;
    }

    private static string Flag(bool value) => value ? "true" : "false";

    // Image names hold slashes; the route takes them as they are.
    private static string Path(string nameOrId) => nameOrId;

    private static (string Repo, string Tag) SplitTag(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, "latest");
    }

    internal static string Seconds(long value) => value.ToString(CultureInfo.InvariantCulture);
}
