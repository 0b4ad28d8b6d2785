namespace Modular.Engine.Containers.Checkpoints;

/// <summary>One <c>container checkpoint</c> of one container, with what it writes besides the dump.</summary>
/// <param name="Export">--export: where the archive goes (a path on the engine's host), or null.</param>
/// <param name="CreateImage">--create-image: the checkpoint image's name, or null.</param>
public sealed record CheckpointRun(
    CheckpointRequest Request,
    string? Export = null,
    string Compression = ArchiveCompression.Default,
    bool IgnoreRootfs = false,
    bool IgnoreVolumes = false,
    string? CreateImage = null);
