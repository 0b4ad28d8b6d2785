namespace Modular.Engine.Containers.Copy;

/// <summary>
/// A path in a container as Docker's archive routes report it (X-Docker-Container-Path-Stat).
/// </summary>
/// <param name="Name">The path's base name.</param>
/// <param name="Mode">st_mode: the type bits and the permissions.</param>
/// <param name="LinkTarget">For a symlink, the in-container path it resolves to; "" otherwise.</param>
public sealed record ContainerPathStat(
    string Name,
    long Size,
    uint Mode,
    DateTimeOffset Modified,
    string LinkTarget);
