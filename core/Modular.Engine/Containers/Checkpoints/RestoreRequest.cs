namespace Modular.Engine.Containers.Checkpoints;

/// <summary>The flags of <c>container restore</c> that reach the engine.</summary>
/// <param name="Keep">Keep the checkpoint images and logs after a successful restore.</param>
/// <param name="FileLocks">--file-locks: criu restores the file locks the dump holds.</param>
public sealed record RestoreRequest(
    bool Keep = false,
    bool TcpEstablished = false,
    bool FileLocks = false);
