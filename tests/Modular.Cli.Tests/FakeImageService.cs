using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Cli.Tests;

/// <summary>
/// Stands in for the engine's image service (built elsewhere in the project) so the CLI's
/// listing, filtering and formatting can be checked on known images.
/// </summary>
public sealed class FakeImageService : IImageService
{
    public List<LocalImage> Images { get; } = [];

    public static LocalImage Image(
        string hexId,
        DateTimeOffset created,
        long size,
        params string[] names) =>
        new(hexId, names, "sha256:" + new string('d', 64), [], created, size, "top", [],
            new ImageConfig(null, [], null, ["sh"], null, new Dictionary<string, string>(), [], null),
            "linux", "amd64", "application/vnd.oci.image.manifest.v1+json");

    public PullOptions? LastPull { get; private set; }

    public Task<LocalImage> PullAsync(
        string reference,
        PullOptions options,
        CancellationToken cancellationToken)
    {
        LastPull = options;
        return ResolveAsync(reference, cancellationToken);
    }

    public Task<IReadOnlyList<string>> LoadAsync(
        string archivePath,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["localhost/loaded:latest"]);

    public Task<LocalImage> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
        Task.FromResult(Images.FirstOrDefault(i => i.Names.Contains(nameOrId) || i.Id.StartsWith(nameOrId, StringComparison.Ordinal))
            ?? throw new NotFoundException($"{nameOrId}: image not known"));

    public Task<IReadOnlyList<LocalImage>> ListAsync(
        bool all,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LocalImage>>(Images);

    public async Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var image = await ResolveAsync(nameOrId, cancellationToken);
        return new JsonObject
        {
            ["Id"] = image.Id,
            ["Digest"] = image.Digest,
            ["RepoTags"] = new JsonArray(image.Names.Select(n => (JsonNode?)n).ToArray()),
            ["Architecture"] = image.Architecture,
        };
    }

    public JsonObject Summarize(LocalImage image) => new()
    {
        ["Id"] = image.Id,
        ["Names"] = new JsonArray(image.Names.Select(n => (JsonNode?)n).ToArray()),
        ["Size"] = image.Size,
    };

    public Task TagAsync(string nameOrId, string newName, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<string>> RemoveAsync(
        string nameOrId,
        bool force,
        CancellationToken cancellationToken)
    {
        var image = await ResolveAsync(nameOrId, cancellationToken);
        Images.Remove(image);
        return ["Untagged: " + image.Names.FirstOrDefault(), "Deleted: " + image.Id];
    }
}
