using Modular.Engine.Images;

namespace Modular.Engine.Containers;

/// <summary>
/// Podman's <c>rmi -f</c>: when the image itself goes (its last name, or named by id), the
/// containers that use it are removed first, stopped if they run. It lives here, above
/// both services, because the image service cannot depend on the container service (the
/// container service pulls images); every front end gets the same behaviour.
/// </summary>
public sealed class ForcedImageRemoval(IImageService images, IContainerService containers)
{
    /// <summary>Removes the users of <paramref name="nameOrId"/>'s image when it will go.</summary>
    public async Task RemoveUsersAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(nameOrId, cancellationToken);
        var byId = image.Id.StartsWith(nameOrId.Replace("sha256:", ""), StringComparison.Ordinal);
        if (!byId && image.Names.Count > 1)
        {
            return;
        }

        foreach (var container in await containers.ListAsync(true, cancellationToken))
        {
            if (container.ImageId == image.Id)
            {
                await containers.RemoveAsync(container.Id, true, null, cancellationToken);
            }
        }
    }
}
