namespace Modular.Engine.Containers.Copy;

/// <summary>One side of a copy: a path below a root, in a container or on the host.</summary>
/// <param name="Container">The container's name as typed; null on the host.</param>
/// <param name="Path">The path as typed, made absolute (container: from its working dir).</param>
/// <param name="RootName">When the root is a volume, the base name of where it is mounted.</param>
/// <param name="BoundFiles">
/// In a running container, the in-container paths the engine binds its own files over
/// (/etc/hosts ...), each with the host file behind it; empty otherwise.
/// </param>
internal sealed record CopyEndpoint(
    RootDirectory Root,
    string? Container,
    string Path,
    (uint, uint) Owner,
    string? RootName = null,
    IReadOnlyDictionary<string, string>? BoundFiles = null)
{
    public bool IsHost => Container is null;

    /// <summary>The host file bound over <paramref name="inContainer"/>, if the engine binds one there.</summary>
    public string? BoundFile(string inContainer) =>
        BoundFiles is not null && BoundFiles.TryGetValue(inContainer, out var host) ? host : null;

    /// <summary>Podman's "could not be found" message for this side.</summary>
    public string NotFound(string typed, string reason) =>
        IsHost
            ? $"\"{typed}\" could not be found on the host: {reason}"
            : $"\"{typed}\" could not be found on container {Container}: {reason}";
}
