using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Images.Management;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// <c>restore IMAGE</c>: a checkpoint image (one made by <c>--create-image</c>, here or by
/// Podman) is mounted read-only and imported as an archive would be: a new container from
/// its config.dump, with its images, file changes and volumes.
/// </summary>
public sealed class CheckpointImageReader(
    IImageService images,
    ImageMounter mounter,
    IContainerCheckpoints checkpoints)
{
    /// <summary>Whether <paramref name="name"/> names a local image carrying a checkpoint.</summary>
    /// <exception cref="InvalidInputException">The image exists but holds no checkpoint (Podman's text).</exception>
    public async Task<bool> IsCheckpointImageAsync(string name, CancellationToken cancellationToken)
    {
        System.Text.Json.Nodes.JsonObject inspect;
        try
        {
            inspect = await images.InspectAsync(name, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (inspect["Annotations"]?[CheckpointImageAnnotations.RuntimeName] is null)
        {
            throw new InvalidInputException($"image is not a checkpoint: {(string?)inspect["Id"]}");
        }

        return true;
    }

    /// <summary>Creates the container from the image; the caller restores it.</summary>
    public async Task<ContainerInfo> ImportAsync(
        string image,
        ImportOverrides overrides,
        CancellationToken cancellationToken)
    {
        var mount = await mounter.MountAsync(image, cancellationToken);
        try
        {
            return await checkpoints.ImportAsync(mount.Path, overrides, cancellationToken);
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await mounter.UnmountAsync(mount.Id, timeout.Token);
        }
    }
}
