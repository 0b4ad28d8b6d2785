using System.Text.Json.Nodes;

namespace Modular.Engine.Volumes;

/// <summary>
/// Named volumes of the local driver under graphroot/volumes: what <c>modpod volume</c>
/// does. A volume is in use while any container (running or not) names it in its mounts.
/// </summary>
public interface IVolumeService
{
    /// <summary>Creates a volume; a taken name throws AlreadyExistsException unless IgnoreExisting.</summary>
    Task<VolumeRecord> CreateAsync(VolumeCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Volumes matching every filter key (values of one key are alternatives), by name.</summary>
    /// <exception cref="Contracts.Errors.InvalidInputException">An unknown filter.</exception>
    Task<IReadOnlyList<VolumeRecord>> ListAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken);

    /// <summary>Podman's <c>volume inspect</c> object.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such volume.</exception>
    Task<JsonObject> InspectAsync(string name, CancellationToken cancellationToken);

    /// <summary>The inspect object of a listed volume.</summary>
    JsonObject ToJson(VolumeRecord volume);

    /// <summary>
    /// Removes a volume. In use: WrongStateException (exit 2) unless <paramref name="force"/>,
    /// which removes the containers using it first. Missing: NotFoundException (exit 1).
    /// </summary>
    Task RemoveAsync(string name, bool force, int? timeoutSeconds, CancellationToken cancellationToken);

    /// <summary>Removes every unused volume matching the filters; returns their names.</summary>
    Task<IReadOnlyList<string>> PruneAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes the volume's content as a tar stream.</summary>
    Task ExportAsync(string name, Stream output, CancellationToken cancellationToken);

    /// <summary>Unpacks a tar stream into an existing volume.</summary>
    Task ImportAsync(string name, Stream input, CancellationToken cancellationToken);

    /// <summary>The anonymous volumes of a container, for <c>rm -v</c> to remove after it.</summary>
    Task<IReadOnlyList<string>> AnonymousVolumesOfAsync(string container, CancellationToken cancellationToken);

    /// <summary>Removes those of the named volumes no container uses; the others stay.</summary>
    Task RemoveIfUnusedAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);
}
