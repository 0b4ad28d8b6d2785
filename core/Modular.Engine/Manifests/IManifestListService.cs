namespace Modular.Engine.Manifests;

/// <summary>
/// The manifest verbs the CLI runs (create, add, annotate, remove, inspect, exists, rm):
/// <see cref="ManifestListService"/> on the local store, a remote client over the service.
/// </summary>
public interface IManifestListService
{
    /// <summary>Creates LIST (or, with amend, reuses it) and adds each image; returns its id.</summary>
    Task<string> CreateAsync(
        string name,
        IReadOnlyList<string> imagesToAdd,
        bool amend,
        ManifestAddOptions add,
        CancellationToken cancellationToken);

    /// <summary>Adds an image (every instance of a list with All); returns the list's id.</summary>
    Task<string> AddAsync(string listName, string image, ManifestAddOptions add, CancellationToken cancellationToken);

    /// <summary>Annotates an instance, or the list itself when <paramref name="instance"/> is null.</summary>
    Task<string> AnnotateAsync(
        string listName,
        string? instance,
        ManifestAddOptions add,
        CancellationToken cancellationToken);

    /// <summary>Removes one instance by digest; returns the list's id.</summary>
    Task<string> RemoveInstanceAsync(string listName, string digest, CancellationToken cancellationToken);

    /// <summary>The JSON <c>manifest inspect</c> prints.</summary>
    Task<byte[]> InspectAsync(string name, ManifestAddOptions add, CancellationToken cancellationToken);

    /// <summary>Whether a manifest list of that name is stored.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Removes a list (never a plain image); returns rmi's lines.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(string name, CancellationToken cancellationToken);
}
