namespace Modular.Engine.Conmon;

/// <summary>A conmon parent just spawned, with the engine's ends of its two pipes.</summary>
internal sealed record SpawnedConmon(int Pid, int SyncReadFd, int StartWriteFd);
