namespace Modular.Engine.Images.Management;

/// <summary>A mounted image: what <c>image mount</c> reports.</summary>
/// <param name="Digest">The image's manifest digest (Podman's report Name).</param>
/// <param name="Repositories">Its names.</param>
public sealed record ImageMount(string Id, string Digest, IReadOnlyList<string> Repositories, string Path);
