namespace Modular.Engine.Containers.Copy;

/// <summary>A copy source with its symlinks evaluated inside its root.</summary>
/// <param name="ContentsOnly">Typed with a trailing "/.": the directory's contents, not itself.</param>
public sealed record ResolvedSource(string Path, bool IsDirectory, bool ContentsOnly);
