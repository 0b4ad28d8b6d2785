using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's create with Podman's compat statuses: 404 only for a missing image, which the
/// docker CLI answers by pulling; anything else missing (a network, a volumes-from
/// container) is a 500 "container create: ...", so no client goes looking for the image.
/// </summary>
public static class DockerCreateCall
{
    public static async Task<ContainerInfo> CreateAsync(
        CliContext cli,
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            return await cli.Containers.CreateAsync(request, cancellationToken);
        }
        catch (NotFoundException e)
        {
            if (!await ImageExistsAsync(cli, request.Image, cancellationToken))
            {
                throw;
            }

            var message = "container create: " + ErrorMapper.MessageFor(e);
            throw new ApiException(StatusCodes.Status500InternalServerError, message,
                ErrorMiddleware.InnermostCause(message));
        }
    }

    private static async Task<bool> ImageExistsAsync(
        CliContext cli,
        string? image,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(image))
        {
            return false;
        }

        try
        {
            await cli.Images.ResolveAsync(image, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
