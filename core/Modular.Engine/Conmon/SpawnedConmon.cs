namespace Modular.Engine.Conmon;

/// <summary>
/// A conmon parent just spawned, with the engine's ends of its pipes; the attach pipe is
/// -1 unless asked for (exec sessions that attach).
/// </summary>
internal sealed record SpawnedConmon(int Pid, int SyncReadFd, int StartWriteFd, int AttachReadFd = -1);
