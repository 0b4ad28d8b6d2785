namespace Modular.Cli.Commands;

/// <summary>
/// What <c>system service</c> was asked for. The CLI parses it; the API front end
/// (<c>modpod-service</c>, which carries ASP.NET Core) serves it.
/// </summary>
/// <param name="Uri">unix:///path, tcp://host:port, or null for the default socket.</param>
/// <param name="IdleSeconds">Seconds without a request before the service ends; 0 = never.</param>
public sealed record ServiceOptions(
    string? Uri,
    int IdleSeconds,
    string? Cors,
    string? TlsCertificate,
    string? TlsKey,
    string? TlsClientCa);
