namespace Modular.Engine.Containers.Checkpoints;

/// <summary>The flags of <c>container checkpoint</c> that reach the engine.</summary>
/// <param name="Exporting">--export was given (a --rm container may be checkpointed only then).</param>
/// <param name="Keep">--keep: criu's log stays, and inspect names it (CheckpointLog).</param>
/// <param name="FileLocks">--file-locks: criu dumps the file locks the processes hold.</param>
public sealed record CheckpointRequest(
    bool LeaveRunning = false,
    bool TcpEstablished = false,
    bool PreCheckpoint = false,
    bool WithPrevious = false,
    bool Exporting = false,
    bool Keep = false,
    bool FileLocks = false);
