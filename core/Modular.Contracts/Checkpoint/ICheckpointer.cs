namespace Modular.Contracts.Checkpoint;

/// <summary>
/// Describes a process checkpointer (CRIU) to the engine. It runs no dump or restore itself:
/// the OCI runtime does (<c>runtime checkpoint</c>, <c>runtime restore</c>), and the engine
/// mediates, so the checkpointer and the runtime plugin never know each other. The plugin
/// says which executable the runtime must use, what it can do on this host, and how an
/// exported checkpoint archive is laid out. Nothing runs at construction time.
/// </summary>
public interface ICheckpointer
{
    /// <summary>The short id, as in modular.conf <c>checkpointer</c>, e.g. <c>criu</c>.</summary>
    string Id { get; }

    /// <summary>The files and directories of a checkpoint and of its exported archive.</summary>
    CheckpointLayout Layout { get; }

    /// <summary>
    /// Finds a usable checkpointer executable and asks it what it can do on this kernel.
    /// A host where it cannot run at all is an answer (<see cref="CheckpointerProbe.Usable"/>
    /// false with the reason), not an exception; the engine turns it into the user's error.
    /// </summary>
    Task<CheckpointerProbe> ProbeAsync(
        CheckpointerContext context,
        CancellationToken cancellationToken);
}
