namespace Modular.Engine.Manifests;

/// <summary><c>manifest push</c>: <see cref="ManifestListPusher"/> locally, the service remotely.</summary>
public interface IManifestListPusher
{
    /// <summary>Pushes the list to <paramref name="destination"/>; returns the pushed list's digest.</summary>
    Task<string> PushAsync(
        string listName,
        string destination,
        ManifestPushOptions push,
        CancellationToken cancellationToken);
}
