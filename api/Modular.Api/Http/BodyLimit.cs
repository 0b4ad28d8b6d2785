namespace Modular.Api.Http;

/// <summary>
/// Endpoint metadata: this route takes bodies up to <paramref name="Bytes"/> (archives,
/// build contexts), above the service's default limit.
/// </summary>
public sealed record BodyLimit(long Bytes);
