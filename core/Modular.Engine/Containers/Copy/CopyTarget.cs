namespace Modular.Engine.Containers.Copy;

/// <summary>
/// A resolved destination: the directory the tar lands in, whether the typed path existed as
/// a directory, and the name the copied top entry takes when it is renamed.
/// </summary>
public sealed record CopyTarget(string Directory, bool IsDirectory, string BaseName, bool ResolvedToParent);
