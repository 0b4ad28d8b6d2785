using Modular.Cli.Hosting;
using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>create/run --replace</c>: a container already holding the name is removed first
/// (stopped and removed, as <c>rm -f</c>), as Podman does.
/// </summary>
public static class ReplaceFlag
{
    public static async Task RemoveExistingAsync(
        CliContext context,
        bool replace,
        string? name,
        CancellationToken cancellationToken)
    {
        if (!replace || name is not { Length: > 0 })
        {
            return;
        }

        try
        {
            var existing = await context.Containers.ResolveAsync(name, cancellationToken);
            if (existing.Name == name)
            {
                await context.Containers.RemoveAsync(existing.Id, force: true, null, cancellationToken);
            }
        }
        catch (NotFoundException)
        {
            // Nothing holds the name: a plain create.
        }
    }
}
