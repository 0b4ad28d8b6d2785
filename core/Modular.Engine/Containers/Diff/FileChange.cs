namespace Modular.Engine.Containers.Diff;

/// <summary>One line of <c>diff</c>: A (added), C (changed) or D (deleted), and the path.</summary>
public sealed record FileChange(char Kind, string Path)
{
    public override string ToString() => $"{Kind} {Path}";
}
