namespace Modular.Remote;

/// <summary>The service the remote client talks to: a unix://, tcp:// or ssh:// URI.</summary>
public sealed record RemoteEndpoint(Uri Uri, string? Identity);
