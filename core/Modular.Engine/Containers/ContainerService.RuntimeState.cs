namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>runtime delete --force</c>, skipped when the runtime holds no state for the
    /// container. Runtimes with runc's command line (runc, crun, youki) keep it in a
    /// directory named after the container under their <c>--root</c>; when that directory
    /// is missing the delete has nothing to do. A fresh run saves a whole runtime process
    /// this way (one before create, one in the second cleanup). Without a <c>--root</c>
    /// argument to go by, the delete always runs.
    /// </summary>
    private static async Task DeleteRuntimeStateAsync(
        RuntimeCommands runtime,
        string id,
        CancellationToken cancellationToken)
    {
        if (StateRoot(runtime.Command.GlobalArguments) is { } root
            && !Directory.Exists(Path.Combine(root, id)))
        {
            return;
        }

        await runtime.DeleteAsync(id, cancellationToken);
    }

    private static string? StateRoot(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--root" && i + 1 < arguments.Count)
            {
                return arguments[i + 1];
            }

            if (arguments[i].StartsWith("--root=", StringComparison.Ordinal))
            {
                return arguments[i]["--root=".Length..];
            }
        }

        return null;
    }
}
