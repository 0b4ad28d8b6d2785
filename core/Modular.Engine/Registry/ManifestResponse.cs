namespace Modular.Engine.Registry;

/// <summary>A manifest as the registry sent it.</summary>
/// <param name="Digest">Docker-Content-Digest, or the body's own digest when the header is absent.</param>
public sealed record ManifestResponse(byte[] Body, string MediaType, string Digest);
