using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Engine.Manifests;

/// <summary>
/// <c>manifest create/add/annotate/remove/inspect/exists</c> on lists kept in the image
/// store. Each change rewrites the list JSON and its record under the store lock.
/// </summary>
public sealed partial class ManifestListService(
    ManifestListStore lists,
    ManifestInstanceReader instances,
    IImageService images) : IManifestListService
{
    /// <summary>Creates LIST (or, with amend, reuses it) and adds each image; returns its id.</summary>
    public async Task<string> CreateAsync(
        string name,
        IReadOnlyList<string> imagesToAdd,
        bool amend,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        var existing = amend ? await lists.FindAsync(name, cancellationToken) : null;
        var record = existing?.Record ?? await lists.CreateAsync(name, cancellationToken);
        try
        {
            foreach (var image in imagesToAdd)
            {
                await AddAsync(record.Id, image, add, cancellationToken);
            }
        }
        catch when (existing is null)
        {
            // A create that fails leaves no half-made list behind.
            await images.RemoveAsync(record.Id, force: false, CancellationToken.None);
            throw;
        }

        return record.Id;
    }

    /// <summary>Adds an image (or every instance of a list, with --all); returns the list's id.</summary>
    public async Task<string> AddAsync(
        string listName,
        string image,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        var (record, list) = await lists.GetAsync(listName, cancellationToken);
        var added = (await instances.ReadAsync(image, add, cancellationToken))
            .Select(e => Annotated(e, add))
            .ToList();
        var digests = added.Select(e => e.Digest).ToHashSet();
        var entries = list.Entries.Where(e => !digests.Contains(e.Digest)).Concat(added).ToList();
        await lists.SaveAsync(record, list with { Entries = entries }, cancellationToken);
        return record.Id;
    }

    /// <summary>Changes an instance's platform or annotations (or the list's, with index).</summary>
    public async Task<string> AnnotateAsync(
        string listName,
        string? instance,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        var (record, list) = await lists.GetAsync(listName, cancellationToken);
        if (instance is null)
        {
            var merged = Merge(list.Annotations, add.Annotations);
            await lists.SaveAsync(record, list with { Annotations = merged }, cancellationToken);
            return record.Id;
        }

        var entry = Instance(list, instance, listName);
        var entries = list.Entries.Select(e => e.Digest == entry.Digest ? Annotated(e, add) : e).ToList();
        await lists.SaveAsync(record, list with { Entries = entries }, cancellationToken);
        return record.Id;
    }

    /// <summary>Removes one instance by digest; returns the list's id.</summary>
    public async Task<string> RemoveInstanceAsync(
        string listName,
        string digest,
        CancellationToken cancellationToken)
    {
        var (record, list) = await lists.GetAsync(listName, cancellationToken);
        var entry = Instance(list, digest, listName);
        var entries = list.Entries.Where(e => e.Digest != entry.Digest).ToList();
        await lists.SaveAsync(record, list with { Entries = entries }, cancellationToken);
        return record.Id;
    }

    /// <summary>The JSON <c>manifest inspect</c> prints: a local list, else the registry's manifest.</summary>
    public async Task<byte[]> InspectAsync(
        string name,
        ManifestAddOptions add,
        CancellationToken cancellationToken)
    {
        if (await lists.FindAsync(name, cancellationToken) is { } local)
        {
            return await lists.ReadJsonAsync(local.Record.Id, cancellationToken);
        }

        var text = name.StartsWith("docker://", StringComparison.Ordinal) ? name[9..] : name;
        var reference = ImageReference.Parse(text).WithDefaultTag();
        if (!reference.IsFullyQualified)
        {
            throw new NotFoundException($"{name}: image not known");
        }

        using var client = instances.ClientFor(reference, add.TlsVerify, add);
        var remote = await client.GetManifestAsync(
            reference.Path, reference.Digest ?? reference.Tag!, cancellationToken);
        return RemoteJson.Indent(remote.Body);
    }

    /// <summary>Whether a manifest list of that name is stored.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await lists.FindAsync(name, cancellationToken) is not null;
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }

    /// <summary>Removes a list (never a plain image); returns rmi's lines.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var (record, _) = await lists.GetAsync(name, cancellationToken);
        return await images.RemoveAsync(record.Id, force: false, cancellationToken);
    }

    private static ManifestListEntry Instance(ManifestListDocument list, string instance, string listName)
    {
        var digest = instance.Contains('@') ? instance[(instance.IndexOf('@') + 1)..] : instance;
        return list.Entries.FirstOrDefault(e => e.Digest == digest)
            ?? throw new NotFoundException($"{listName}: no instance {instance} in the manifest list");
    }

    private static ManifestListEntry Annotated(ManifestListEntry entry, ManifestAddOptions add)
    {
        var arch = add.Architecture is { } a ? Platform.Normalise("linux", a, null).Architecture : entry.Architecture;
        return entry with
        {
            Architecture = arch,
            Os = add.Os ?? entry.Os,
            Variant = add.Variant ?? entry.Variant,
            OsVersion = add.OsVersion ?? entry.OsVersion,
            Features = add.Features is { Count: > 0 } f ? f : entry.Features,
            OsFeatures = add.OsFeatures is { Count: > 0 } o ? o : entry.OsFeatures,
            Annotations = Merge(entry.Annotations, add.Annotations),
        };
    }

    private static Dictionary<string, string> Merge(
        IReadOnlyDictionary<string, string> current,
        IReadOnlyDictionary<string, string>? added)
    {
        var merged = new Dictionary<string, string>(current);
        foreach (var (key, value) in added ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
