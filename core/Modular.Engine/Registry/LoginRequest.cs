namespace Modular.Engine.Registry;

/// <summary>What <c>login</c> was given.</summary>
/// <param name="Registry">HOST[:PORT][/REPOSITORY], as typed (a scheme is dropped).</param>
/// <param name="Credentials">The user and password, or null to check the stored ones.</param>
public sealed record LoginRequest(
    string Registry,
    RegistryCredentials? Credentials,
    string? AuthFile = null,
    bool? TlsVerify = null,
    string? CertDirectory = null);
