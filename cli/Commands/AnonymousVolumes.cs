using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>rm -v</c>: the container's anonymous volumes are noted before it goes and removed
/// after, unless another container (through --volumes-from) still uses them.
/// </summary>
public static class AnonymousVolumes
{
    public static async Task<IReadOnlyList<string>> OfAsync(
        CliContext context,
        string container,
        bool wanted,
        CancellationToken cancellationToken) =>
        wanted
            ? await VolumeCommands.Volumes(context).AnonymousVolumesOfAsync(container, cancellationToken)
            : [];

    public static async Task RemoveAsync(
        CliContext context,
        IReadOnlyList<string> names,
        CancellationToken cancellationToken)
    {
        if (names.Count > 0)
        {
            await VolumeCommands.Volumes(context).RemoveIfUnusedAsync(names, cancellationToken);
        }
    }
}
