namespace Modular.Engine.Containers.Checkpoints;

/// <summary>Where and how <c>checkpoint --export</c> writes its archive.</summary>
/// <param name="Compression">zstd, gzip or none (see <see cref="ArchiveCompression"/>).</param>
/// <param name="IgnoreVolumes">--ignore-volumes: the named volumes' content stays out.</param>
public sealed record CheckpointExportOptions(string Target, bool IgnoreRootfs, string Compression, bool IgnoreVolumes = false);
