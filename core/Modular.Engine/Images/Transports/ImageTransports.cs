using Modular.Contracts.Errors;

namespace Modular.Engine.Images.Transports;

/// <summary>The file transports over the local store (see <see cref="IImageTransports"/>).</summary>
public sealed class ImageTransports : IImageTransports
{
    public Task ExportAsync(
        string imageNameOrId,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken) =>
        ExportManyAsync([imageNameOrId], destination, options, cancellationToken);

    public Task ExportManyAsync(
        IReadOnlyList<string> imageNamesOrIds,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken) =>
        throw new CapabilityMissingException($"writing to {destination} is not supported yet");

    public Task<IReadOnlyList<string>> ImportAsync(
        TransportReference source,
        ImportOptions options,
        CancellationToken cancellationToken) =>
        throw new CapabilityMissingException($"reading from {source} is not supported yet");
}
