namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// Names in a checkpoint directory and its archive that hold the container's data rather than
/// the checkpointer's images: Podman's (pkg/checkpoint/crutils metadata), so archives move
/// between the two tools.
/// </summary>
public static class CheckpointArchiveNames
{
    /// <summary>One <c>NAME.tar</c> per named volume, unless <c>--ignore-volumes</c>.</summary>
    public const string VolumesDirectory = "volumes";

    /// <summary>The content of the container's private /dev/shm, taken right after the dump.</summary>
    public const string DevShmArchive = "devshm-checkpoint.tar";

    /// <summary>The volume tar's name inside the archive.</summary>
    public static string VolumeArchive(string volume) => Path.Combine(VolumesDirectory, volume + ".tar");
}
