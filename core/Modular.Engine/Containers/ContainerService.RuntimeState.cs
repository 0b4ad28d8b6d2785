namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>runtime delete --force</c>, skipped when the runtime holds no state for the
    /// container: runc and crun keep it in a directory named after the container under
    /// their <c>--root</c>, and without one the delete has nothing to do. A fresh run
    /// saves a whole runtime process this way (one before create, one in the second cleanup).
    /// </summary>
    private async Task DeleteRuntimeStateAsync(
        RuntimeCommands runtime,
        string runtimeId,
        string id,
        CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(PathsFor(id).RuntimeStateRoot(runtimeId), id)))
        {
            await runtime.DeleteAsync(id, cancellationToken);
        }
    }
}
