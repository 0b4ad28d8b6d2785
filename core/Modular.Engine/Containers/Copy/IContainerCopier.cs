namespace Modular.Engine.Containers.Copy;

/// <summary>
/// What <c>cp</c> asks of the engine: one copy as typed. The local engine copies between
/// mounted roots; the remote client streams the container's side through the service's
/// archive routes and does the host's side itself.
/// </summary>
public interface IContainerCopier
{
    /// <summary>Copies <see cref="CopyRequest.Source"/> to <see cref="CopyRequest.Destination"/>.</summary>
    /// <exception cref="Modular.Contracts.Errors.NotFoundException">A container or path is missing.</exception>
    /// <exception cref="Modular.Contracts.Errors.InvalidInputException">The paths do not fit together.</exception>
    Task CopyAsync(
        CopyRequest request,
        Func<Stream> stdin,
        Func<Stream> stdout,
        CancellationToken cancellationToken);
}
