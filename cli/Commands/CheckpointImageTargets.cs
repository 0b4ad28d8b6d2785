using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Cli.Commands;

/// <summary>
/// Whether <c>restore</c>'s arguments name checkpoint images rather than containers: a name
/// that is a container stays a container; an image without checkpoint annotations is refused
/// with Podman's "image is not a checkpoint".
/// </summary>
public static class CheckpointImageTargets
{
    public static async Task<bool> AllAsync(CliContext context, string[] names, CancellationToken cancellationToken)
    {
        if (names.Length == 0)
        {
            return false;
        }

        // The remote client has no image reader: there every name is a container's.
        if (context.Services.GetService<CheckpointImageReader>() is not { } reader)
        {
            return false;
        }

        foreach (var name in names)
        {
            if (await IsContainerAsync(context, name, cancellationToken)
                || !await reader.IsCheckpointImageAsync(name, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> IsContainerAsync(CliContext context, string name, CancellationToken cancellationToken)
    {
        try
        {
            await context.Containers.ResolveAsync(name, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
