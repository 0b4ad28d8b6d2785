using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// Exit codes that outlive a <c>--rm</c> container. conmon's exit command removes such a
/// container, exit file included, as soon as it has exited; an attached <c>run --rm</c>
/// that polls for the exit file a moment later (a loaded host) found nothing and reported
/// 255. Podman keeps removed containers' exit codes in a table for five minutes for the
/// same reason; here the exit file is moved aside and read from there.
/// </summary>
public sealed partial class ContainerService
{
    private static readonly TimeSpan RemovedExitCodeLifetime = TimeSpan.FromMinutes(5);

    private static string RemovedExitDirectory(ContainerPaths paths) =>
        Path.Combine(paths.RunRoot, "exits-removed");

    /// <summary>Moves the exit file of a container being removed aside; prunes old ones.</summary>
    private static void KeepExitCode(ContainerPaths paths)
    {
        var kept = RemovedExitDirectory(paths);
        Directory.CreateDirectory(kept);
        if (File.Exists(paths.ExitFile))
        {
            File.Move(paths.ExitFile, Path.Combine(kept, paths.Id), overwrite: true);
        }

        var cutoff = DateTime.UtcNow - RemovedExitCodeLifetime;
        foreach (var old in Directory.EnumerateFiles(kept).Where(f => File.GetLastWriteTimeUtc(f) < cutoff))
        {
            DeleteFile(old);
        }
    }

    // Synchronous as the interface asks; Microsoft.Data.Sqlite's async calls complete
    // synchronously, so waiting here blocks no other work.
    public int? RemovedExitCode(string containerId) =>
        ReadExitCode(Path.Combine(RemovedExitDirectory(PathsFor(containerId)), containerId))
        ?? FindRemovedExitCodeAsync(containerId).GetAwaiter().GetResult();

    private async Task<int?> FindRemovedExitCodeAsync(string containerId)
    {
        await EnsureInitializedAsync(CancellationToken.None);
        return await _store.FindRemovedExitCodeAsync(containerId, CancellationToken.None);
    }

    /// <summary>
    /// Keeps the exit code of a container that ran, for a wait by full ID after a plain
    /// <c>rm</c>, as Podman does; in the database, so no host file names the container.
    /// </summary>
    private async Task KeepExitCodeInStoreAsync(
        ContainerRecord? record, ContainerPaths paths, CancellationToken cancellationToken)
    {
        if ((record?.State.ExitCode ?? ReadExitFile(paths)) is { } code)
        {
            await _store.KeepExitCodeAsync(paths.Id, code, cancellationToken);
        }
    }

    /// <summary>The exit file, or the one kept when the container was removed meanwhile.</summary>
    private static int? ReadExitFileOrKept(ContainerPaths paths) =>
        ReadExitFile(paths) ?? ReadExitCode(Path.Combine(RemovedExitDirectory(paths), paths.Id));
}
