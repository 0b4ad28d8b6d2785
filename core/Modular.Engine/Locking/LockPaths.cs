namespace Modular.Engine.Locking;

/// <summary>
/// Where lock files live: runroot/locks. Locks are always taken in one order, pod, then
/// container, then image store, then layer store, so two commands never wait on each other
/// in a cycle. The store-wide lock guards work on the whole store (reboot recovery).
/// </summary>
public sealed record LockPaths(string RunRoot)
{
    public string Directory => Path.Combine(RunRoot, "locks");

    public string Store => Path.Combine(Directory, "store.lock");

    public string Container(string id) => Path.Combine(Directory, $"container-{id}.lock");
}
