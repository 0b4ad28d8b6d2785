using Modular.Contracts.Checkpoint;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>The checkpoint's side files that only --keep preserves.</summary>
public static class CheckpointFiles
{
    /// <summary>
    /// As Podman after a checkpoint without --keep: criu's log and statistics and the dumped
    /// configuration go; the images stay for a restore.
    /// </summary>
    public static void RemoveTemporary(string directory, CheckpointLayout layout)
    {
        foreach (var name in new[] { layout.DumpLog, layout.StatsDump, layout.ConfigDump, layout.SpecDump })
        {
            File.Delete(Path.Combine(directory, name));
        }
    }
}
