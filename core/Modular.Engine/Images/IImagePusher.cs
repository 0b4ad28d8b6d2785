namespace Modular.Engine.Images;

/// <summary><c>push</c> to a registry: returns the manifest digest the registry holds.</summary>
public interface IImagePusher
{
    Task<string> PushAsync(
        string source,
        string destination,
        PushOptions push,
        CancellationToken cancellationToken);
}
