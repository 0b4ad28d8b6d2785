namespace Modular.Engine.Images.Transports;

/// <summary>
/// Moves images between the local store and the file transports (<c>docker-archive:</c>,
/// <c>oci-archive:</c>, <c>oci:</c>, <c>dir:</c>). Registries (<c>docker://</c>) belong to
/// pull and push; an implementation refuses them with InvalidInputException. Every blob
/// written hashes to its digest and carries the media type its bytes have. A failed import
/// leaves the store as it was, even when an archive holds several images and a later one
/// fails; a failed export removes what it wrote.
/// </summary>
public interface IImageTransports
{
    /// <summary>Writes one stored image to <paramref name="destination"/>.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such image.</exception>
    /// <exception cref="Contracts.Errors.InvalidInputException">A registry destination or bad option.</exception>
    Task ExportAsync(
        string imageNameOrId,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken);

    /// <summary>
    /// Writes several stored images to one destination; only docker-archive holds more
    /// than one (<c>save -m</c>), other transports refuse a second image.
    /// </summary>
    Task ExportManyAsync(
        IReadOnlyList<string> imageNamesOrIds,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken);

    /// <summary>
    /// Reads the image(s) at <paramref name="source"/> into the store; returns the names
    /// given (or <c>sha256:ID</c> for an image without a name), as <c>load</c> prints them.
    /// </summary>
    /// <exception cref="Contracts.Errors.NotFoundException">The file or directory is missing.</exception>
    /// <exception cref="Contracts.Errors.InvalidInputException">A corrupt archive or a digest mismatch.</exception>
    Task<IReadOnlyList<string>> ImportAsync(
        TransportReference source,
        ImportOptions options,
        CancellationToken cancellationToken);
}
