namespace Modular.Engine.Images.Management;

/// <summary><c>image prune</c>: removes unused images; returns the ids removed.</summary>
public interface IImagePruner
{
    Task<IReadOnlyList<string>> PruneAsync(ImagePruneOptions options, CancellationToken cancellationToken);
}
