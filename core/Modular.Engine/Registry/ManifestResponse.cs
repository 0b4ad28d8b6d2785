namespace Modular.Engine.Registry;

/// <summary>A manifest as the registry sent it.</summary>
/// <param name="Digest">The sha256 of the body as received (the Docker-Content-Digest header is not trusted).</param>
public sealed record ManifestResponse(byte[] Body, string MediaType, string Digest);
