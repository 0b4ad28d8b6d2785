namespace Modular.Engine.Maintenance;

/// <summary>A volume, the containers linking it and its size (all reclaimable when unlinked).</summary>
public sealed record SystemDfVolume(string VolumeName, int Links, long Size, long ReclaimableSize);
