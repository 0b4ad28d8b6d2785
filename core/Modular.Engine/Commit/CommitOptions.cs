namespace Modular.Engine.Commit;

/// <summary>The flags of <c>commit</c>, parsed.</summary>
/// <param name="Name">The new image's name, or null for an untagged image.</param>
/// <param name="Changes"><c>-c</c> instructions, applied after the container's own config.</param>
/// <param name="Docker"><c>--format docker</c>; OCI otherwise (Podman's default).</param>
/// <param name="Progress">Where the copy lines go (stderr), or null with <c>-q</c>.</param>
public sealed record CommitOptions(
    string? Name = null,
    IReadOnlyList<string>? Changes = null,
    string? Message = null,
    string? Author = null,
    bool Pause = false,
    bool Docker = false,
    bool Squash = false,
    bool IncludeVolumes = false,
    TextWriter? Progress = null);
