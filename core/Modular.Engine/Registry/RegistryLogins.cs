using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;

namespace Modular.Engine.Registry;

/// <summary>
/// <c>login</c> and <c>logout</c>: credentials are checked against the registry before
/// they are written to auth.json (the same file pull and push read), and removed from it.
/// Error texts follow containers/common's pkg/auth.
/// </summary>
public sealed class RegistryLogins(EngineOptions options, ILoggerFactory loggers)
{
    /// <summary>The auth.json in force for <paramref name="flag"/> (--authfile).</summary>
    public AuthFile File(string? flag) =>
        new(RegistryCredentials.AuthFilePath(flag, options.AuthFilePath));

    /// <summary>The key auth.json uses: the registry without a scheme or trailing slash.</summary>
    public static string KeyOf(string registry)
    {
        var key = registry;
        foreach (var scheme in new[] { "https://", "http://", "docker://" })
        {
            key = key.StartsWith(scheme, StringComparison.Ordinal) ? key[scheme.Length..] : key;
        }

        key = key.TrimEnd('/');
        return key.Length == 0 || key.Contains(' ')
            ? throw new InvalidInputException($"invalid registry \"{registry}\"")
            : key;
    }

    /// <summary>Checks the credentials with the registry, then stores them.</summary>
    /// <exception cref="CredentialsRejectedException">Wrong user or password.</exception>
    public async Task LoginAsync(
        LoginRequest request,
        RegistryCredentials credentials,
        CancellationToken cancellationToken)
    {
        var key = KeyOf(request.Registry);
        await CheckAsync(key, request, credentials, cancellationToken);
        File(request.AuthFile).Set(key, credentials);
    }

    /// <summary>Checks <paramref name="credentials"/> against the registry of <paramref name="key"/>.</summary>
    public async Task CheckAsync(
        string key,
        LoginRequest request,
        RegistryCredentials credentials,
        CancellationToken cancellationToken)
    {
        var host = key.Split('/')[0];
        var registries = RegistriesConfig.Load(options.RegistriesConfPath);
        var insecure = request.TlsVerify == false
            || (request.TlsVerify is null && registries.Find(host)?.Insecure == true);
        using var client = new RegistryClient(
            host, insecure, credentials, loggers.CreateLogger<RegistryClient>(), request.CertDirectory);
        try
        {
            await client.CheckCredentialsAsync(cancellationToken);
        }
        catch (CredentialsRejectedException e)
        {
            throw new CredentialsRejectedException($"logging into \"{key}\": invalid username/password", e);
        }
        catch (ModularException e)
        {
            throw new InvalidInputException($"authenticating creds for \"{key}\": {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new BackendException($"authenticating creds for \"{key}\": {Reason(e)}", e);
        }
    }

    private static string Reason(HttpRequestException e) =>
        e.InnerException is System.Net.Sockets.SocketException socket
            ? socket.SocketErrorCode switch
            {
                System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
                System.Net.Sockets.SocketError.HostNotFound => "no such host",
                _ => socket.Message,
            }
            : e.Message.Split('\n')[0];
}
