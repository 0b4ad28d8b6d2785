namespace Modular.Contracts.Checkpoint;

/// <summary>
/// Optional features, each as the checkpointer reports it on this host. The engine refuses a
/// flag that needs a missing one with a one-line error before anything runs.
/// </summary>
/// <param name="PreDump">
/// Iterative pre-dumps (<c>--pre-checkpoint</c>, <c>--with-previous</c>): needs the kernel's
/// soft-dirty memory tracking (criu feature <c>mem_dirty_track</c>).
/// </param>
/// <param name="LazyPages">Post-copy restore of memory through userfaultfd (<c>uffd-noncoop</c>).</param>
/// <param name="TcpEstablished">Dumping open TCP connections (TCP repair mode, <c>--tcp-established</c>).</param>
public sealed record CheckpointCapabilities(bool PreDump, bool LazyPages, bool TcpEstablished)
{
    /// <summary>Nothing optional: what an unusable checkpointer reports.</summary>
    public static CheckpointCapabilities None { get; } = new(false, false, false);
}
