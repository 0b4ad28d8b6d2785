namespace Modular.Contracts.Checkpoint;

/// <summary>
/// Names inside a container's checkpoint directory and its exported tar, relative to both.
/// The defaults are Podman's, so an archive from one tool reads as the other's layout.
/// </summary>
/// <param name="ImagesDirectory">The checkpointer's image files (<c>checkpoint/</c>).</param>
/// <param name="PreDumpDirectory">A pre-dump's images (<c>pre-checkpoint/</c>).</param>
/// <param name="ConfigDump">The engine's container configuration (JSON).</param>
/// <param name="SpecDump">The OCI runtime spec the container ran with.</param>
/// <param name="RootfsDiff">The container's file system changes, as a tar.</param>
/// <param name="DeletedFiles">JSON list of paths the container deleted from its image.</param>
/// <param name="NetworkStatus">The container's network attachments (JSON).</param>
/// <param name="StatsDump">The checkpointer's dump statistics.</param>
/// <param name="DumpLog">Log of the dump, written in the work directory.</param>
/// <param name="RestoreLog">Log of the restore, written in the work directory.</param>
/// <param name="StatsRestore">The checkpointer's restore statistics, in the work directory.</param>
public sealed record CheckpointLayout(
    string ImagesDirectory = "checkpoint",
    string PreDumpDirectory = "pre-checkpoint",
    string ConfigDump = "config.dump",
    string SpecDump = "spec.dump",
    string RootfsDiff = "rootfs-diff.tar",
    string DeletedFiles = "deleted.files",
    string NetworkStatus = "network.status",
    string StatsDump = "stats-dump",
    string DumpLog = "dump.log",
    string RestoreLog = "restore.log",
    string StatsRestore = "stats-restore")
{
    /// <summary>The entries an export archive holds, in the order they are written.</summary>
    public IReadOnlyList<string> ArchiveEntries =>
        [ImagesDirectory, ConfigDump, SpecDump, NetworkStatus, RootfsDiff, DeletedFiles, StatsDump];
}
