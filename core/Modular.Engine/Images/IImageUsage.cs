namespace Modular.Engine.Images;

/// <summary>
/// Which containers stand on an image, so <c>rmi</c> can refuse to pull the floor from
/// under them. Implemented by the containers work; the default says none.
/// </summary>
public interface IImageUsage
{
    /// <summary>Ids of the containers created from <paramref name="imageId"/>.</summary>
    Task<IReadOnlyList<string>> ContainersUsingAsync(string imageId, CancellationToken cancellationToken);
}
