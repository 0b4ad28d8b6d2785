using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Pings /v2/ once to choose the scheme. An insecure registry that does not answer
    /// HTTPS is tried over plain HTTP.
    /// </summary>
    private async Task<string> BaseAddressAsync(CancellationToken cancellationToken)
    {
        if (_baseAddress is not null)
        {
            return _baseAddress;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _baseAddress ??= await ProbeAsync(cancellationToken);
            return _baseAddress;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var https = $"https://{Host}";
        try
        {
            using var _ = await _http.GetAsync($"{https}/v2/", cancellationToken);
            return https;
        }
        catch (HttpRequestException e) when (_insecure)
        {
            Log.FallingBackToHttp(_logger, _domain, e.Message);
            return $"http://{Host}";
        }
        catch (HttpRequestException e)
        {
            throw new InvalidInputException(
                $"pinging container registry {_domain}: {e.Message} (use --tls-verify=false "
                + "or mark it insecure in registries.conf for a plain HTTP registry)", e);
        }
    }

    /// <summary>
    /// What <c>login</c> checks: GET /v2/ answers 200 with our credentials (basic, or a
    /// bearer token the realm gave for them). A registry that needs no auth passes too.
    /// </summary>
    /// <exception cref="CredentialsRejectedException">The registry refused them.</exception>
    public async Task CheckCredentialsAsync(CancellationToken cancellationToken)
    {
        var ping = $"{await BaseAddressAsync(cancellationToken)}/v2/";
        using var first = await _http.GetAsync(ping, cancellationToken);
        if (first.StatusCode != System.Net.HttpStatusCode.Unauthorized)
        {
            await EnsureSuccessAsync(first, $"pinging container registry {_domain}", cancellationToken);
            return;
        }

        var header = first.Headers.WwwAuthenticate.FirstOrDefault()?.ToString();
        var auth = await AuthorizeAsync(header, "", cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, ping);
        request.Headers.Authorization = auth;
        using var second = await _http.SendAsync(request, cancellationToken);
        if (second.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            throw new CredentialsRejectedException("invalid username/password");
        }

        await EnsureSuccessAsync(second, $"pinging container registry {_domain}", cancellationToken);
    }

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(
        string? header,
        string scope,
        CancellationToken cancellationToken)
    {
        var challenge = header is null ? null : BearerChallenge.Parse(header);
        if (challenge is null || !challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return _credentials is null
                ? throw new InvalidInputException($"{_domain}: unauthorized: authentication required")
                : new AuthenticationHeaderValue("Basic", _credentials.ToBasic());
        }

        var token = await FetchTokenAsync(challenge, challenge.Scope ?? scope, cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> FetchTokenAsync(
        BearerChallenge challenge,
        string scope,
        CancellationToken cancellationToken)
    {
        var realm = challenge.Realm
            ?? throw new InvalidInputException($"{_domain}: bearer challenge without a realm");
        // Several scopes (a push that mounts from another repository) are several parameters.
        var query = string.Join('&', scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => $"scope={Uri.EscapeDataString(s)}"));
        if (challenge.Service is { } service)
        {
            query = query.Length == 0
                ? $"service={Uri.EscapeDataString(service)}"
                : $"service={Uri.EscapeDataString(service)}&{query}";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realm}?{query}");
        if (_credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _credentials.ToBasic());
        }

        Log.RequestingToken(_logger, _domain, realm, scope);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && _credentials is not null)
        {
            throw new CredentialsRejectedException("invalid username/password");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidInputException(
                $"{_domain}: requesting bearer token: {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var root = json.RootElement;
        var token = root.TryGetProperty("token", out var t) ? t.GetString()
            : root.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        return string.IsNullOrEmpty(token)
            ? throw new InvalidInputException($"{_domain}: token server returned no token")
            : token;
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Debug,
            Message = "Registry {Registry} does not answer HTTPS ({Reason}); using HTTP")]
        public static partial void FallingBackToHttp(
            ILogger logger,
            string registry,
            string reason);

        // The token itself is never logged; only where it comes from and what it is for.
        [LoggerMessage(
            Level = LogLevel.Debug,
            Message = "Requesting a token for {Registry} from {Realm}, scope {Scope}")]
        public static partial void RequestingToken(
            ILogger logger,
            string registry,
            string realm,
            string scope);
    }
}
