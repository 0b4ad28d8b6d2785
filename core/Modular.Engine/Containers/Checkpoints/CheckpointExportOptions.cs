namespace Modular.Engine.Containers.Checkpoints;

/// <summary>Where and how <c>checkpoint --export</c> writes its archive.</summary>
/// <param name="Compression">gzip or none (see <see cref="ArchiveCompression"/>).</param>
public sealed record CheckpointExportOptions(string Target, bool IgnoreRootfs, string Compression);
