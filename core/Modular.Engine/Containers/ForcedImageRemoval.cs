using Modular.Engine.Images;
using Modular.Engine.Pods;

namespace Modular.Engine.Containers;

/// <summary>
/// Podman's <c>rmi -f</c>: when the image itself goes (its last name, or named by id), the
/// containers that use it are removed first, stopped if they run. It lives here, above
/// both services, because the image service cannot depend on the container service (the
/// container service pulls images); every front end gets the same behaviour. An infra
/// container goes with its pod, as in Podman (rmi -af removes pods built on the image).
/// </summary>
public sealed class ForcedImageRemoval(
    IImageService images,
    IContainerService containers,
    IPodService? pods = null)
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
            if (container.ImageId != image.Id)
            {
                continue;
            }

            if (container.IsInfra && pods is not null && container.Pod.Length > 0)
            {
                await pods.RemoveAsync(container.Pod, true, null, cancellationToken);
            }
            else
            {
                await RemoveIfPresentAsync(container.Id, cancellationToken);
            }
        }
    }

    // A pod member listed after its infra went with the pod already.
    private async Task RemoveIfPresentAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await containers.RemoveAsync(id, true, null, cancellationToken);
        }
        catch (Contracts.Errors.NotFoundException)
        {
        }
    }
}
