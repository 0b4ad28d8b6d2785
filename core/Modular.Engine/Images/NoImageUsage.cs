namespace Modular.Engine.Images;

/// <summary>The default <see cref="IImageUsage"/> until the containers work registers its own.</summary>
public sealed class NoImageUsage : IImageUsage
{
    public Task<IReadOnlyList<string>> ContainersUsingAsync(
        string imageId,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
