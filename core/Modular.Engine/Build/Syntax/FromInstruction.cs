namespace Modular.Engine.Build.Syntax;

/// <summary>
/// <c>FROM [--platform=P] image [AS name]</c>. <see cref="Image"/> and <see cref="Platform"/> are
/// as written and may hold global ARGs (<c>FROM $BASE</c>); expand them with
/// <see cref="BuildArgs.ExpandFrom"/>. <see cref="StageName"/> is lower-cased.
/// </summary>
public sealed record FromInstruction(
    string Original,
    int Line,
    string Image,
    string? StageName,
    string? Platform)
    : Instruction("FROM", Original, Line)
{
    /// <summary>True for <c>FROM scratch</c>: an empty root file system, no base image.</summary>
    public bool IsScratch => string.Equals(Image, "scratch", StringComparison.OrdinalIgnoreCase);
}
