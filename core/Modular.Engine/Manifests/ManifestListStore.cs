using System.Security.Cryptography;
using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Engine.Manifests;

/// <summary>
/// Manifest lists kept as Podman keeps them: an image record (random id, no layers) whose
/// manifest is the list, so <c>images</c>, <c>rmi</c> and <c>tag</c> see it. Beside the
/// list, instances.json records where each instance's manifest and blobs come from.
/// </summary>
public sealed class ManifestListStore(EngineOptions options, ImageStore store)
{
    private const string SourcesFile = "instances.json";

    /// <summary>The list named <paramref name="name"/>, or null when no image has that name.</summary>
    /// <exception cref="InvalidInputException">The image exists but is not a manifest list.</exception>
    public async Task<(ImageRecord Record, ManifestListDocument List)?> FindAsync(
        string name,
        CancellationToken cancellationToken)
    {
        var state = await store.ReadAsync(cancellationToken);
        ImageRecord record;
        try
        {
            var search = RegistriesConfig.Load(options.RegistriesConfPath).UnqualifiedSearchRegistries;
            record = ImageLookup.Find(state, name, search);
        }
        catch (NotFoundException)
        {
            return null;
        }

        if (!MediaTypes.IsIndex(record.ManifestMediaType))
        {
            throw new InvalidInputException($"{name}: image is not a manifest list");
        }

        return (record, await ReadAsync(record.Id, cancellationToken));
    }

    /// <summary>Like <see cref="FindAsync"/>, but a missing list is an error.</summary>
    public async Task<(ImageRecord Record, ManifestListDocument List)> GetAsync(
        string name,
        CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken)
            ?? throw new NotFoundException($"{name}: image not known");

    /// <summary>Records a new, empty list under <paramref name="name"/>.</summary>
    /// <exception cref="AlreadyExistsException">Another image already has that name.</exception>
    public async Task<ImageRecord> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var stored = ImageLookup.StoredName(ImageReference.Parse(name));
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        if (state.Images.Find(i => i.Names.Contains(stored)) is { } taken)
        {
            throw new AlreadyExistsException(
                $"image name \"{stored}\" is already associated with image \"{taken.Id}\"");
        }

        var list = ManifestListDocument.Empty();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var record = new ImageRecord(
            id, [stored], "", [], list.MediaType, "", DateTimeOffset.UtcNow, 0, [stored]);
        record = await WriteFilesAsync(record, list, cancellationToken);
        state.PutImage(record);
        await store.WriteAsync(state, cancellationToken);
        return record;
    }

    /// <summary>Replaces the list's content; its digest follows the new JSON.</summary>
    public async Task<ImageRecord> SaveAsync(
        ImageRecord record,
        ManifestListDocument list,
        CancellationToken cancellationToken)
    {
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        var current = state.Images.Find(i => i.Id == record.Id)
            ?? throw new NotFoundException($"{record.Names.FirstOrDefault() ?? record.Id}: image not known");
        var updated = await WriteFilesAsync(current, list, cancellationToken);
        state.PutImage(updated);
        await store.WriteAsync(state, cancellationToken);
        return updated;
    }

    /// <summary>The stored list JSON exactly as saved.</summary>
    public Task<byte[]> ReadJsonAsync(string id, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(Path.Combine(store.ImageDirectory(id), "manifest"), cancellationToken);

    private async Task<ManifestListDocument> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var sourcesPath = Path.Combine(store.ImageDirectory(id), SourcesFile);
        var sources = File.Exists(sourcesPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(
                await File.ReadAllBytesAsync(sourcesPath, cancellationToken)) ?? []
            : [];
        return ManifestListDocument.Parse(await ReadJsonAsync(id, cancellationToken), sources);
    }

    private async Task<ImageRecord> WriteFilesAsync(
        ImageRecord record,
        ManifestListDocument list,
        CancellationToken cancellationToken)
    {
        var directory = store.ImageDirectory(record.Id);
        var json = list.ToJson();
        var sources = list.Entries.ToDictionary(e => e.Digest, e => e.Source);
        await ImageStore.WriteAtomicAsync(
            Path.Combine(directory, SourcesFile), JsonSerializer.SerializeToUtf8Bytes(sources), cancellationToken);
        await ImageStore.WriteAtomicAsync(Path.Combine(directory, "manifest"), json, cancellationToken);
        var digest = Digests.Of(json);
        return record with { Digest = digest, Digests = [digest], ManifestMediaType = list.MediaType };
    }
}
