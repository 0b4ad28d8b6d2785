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
        var query = $"scope={Uri.EscapeDataString(scope)}";
        if (challenge.Service is { } service)
        {
            query = $"service={Uri.EscapeDataString(service)}&{query}";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realm}?{query}");
        if (_credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _credentials.ToBasic());
        }

        Log.RequestingToken(_logger, _domain, realm, scope);
        using var response = await _http.SendAsync(request, cancellationToken);
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
