namespace Modular.Remote.Services;

/// <summary>A container path's status as the archive routes report it (Go's FileMode bits decoded).</summary>
/// <param name="LinkTarget">For a symlink, the in-container path it resolves to; "" otherwise.</param>
public sealed record RemotePathStat(string Name, bool IsDirectory, bool IsSymlink, string LinkTarget);
