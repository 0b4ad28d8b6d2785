using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>
/// A client of one registry over the Registry HTTP API v2: manifests and blobs, anonymous
/// or with a bearer token obtained from the challenge's realm (basic credentials sent to
/// the realm when we have some), or basic auth when the registry asks for it. For an
/// insecure registry TLS is not verified and plain HTTP is used when HTTPS fails, as
/// Podman does with --tls-verify=false.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _domain;
    private readonly bool _insecure;
    private readonly RegistryCredentials? _credentials;
    private readonly ILogger _logger;
    private readonly Dictionary<string, AuthenticationHeaderValue> _authByScope = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _baseAddress;

    public RegistryClient(
        string domain,
        bool insecure,
        RegistryCredentials? credentials,
        ILogger logger,
        string? certDirectory = null)
    {
        _domain = domain;
        _insecure = insecure;
        _credentials = credentials;
        _logger = logger;
        var handler = new SocketsHttpHandler { UseProxy = false };
        if (insecure)
        {
            // --tls-verify=false or registries.conf insecure: the user chose not to verify.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        RegistryCertificates.Apply(handler, domain, certDirectory, insecure);

        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Fetches a manifest by tag or digest.</summary>
    public async Task<ManifestResponse> GetManifestAsync(
        string repository,
        string reference,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, $"manifests/{reference}", true, cancellationToken);
        var what = $"reading manifest {reference} in {_domain}/{repository}";
        await EnsureSuccessAsync(response, what, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        // The digest is that of the bytes received, never the Docker-Content-Digest header:
        // a registry could otherwise make us record a digest the content does not have.
        // A signed schema 1 manifest is known by its payload's digest (signatures cut out).
        var digest = Images.Schema1.Schema1Converter.IsSchema1(body, mediaType)
            ? Images.Schema1.Schema1Converter.CanonicalDigest(body)
            : Digests.Of(body);
        if (reference.StartsWith("sha256:", StringComparison.Ordinal) && digest != reference)
        {
            throw new InvalidInputException(
                $"manifest digest mismatch: expected {reference}, got {digest}");
        }

        return new ManifestResponse(body, mediaType, digest);
    }

    /// <summary>Opens a blob; the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> GetBlobAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken)
    {
        var response = await SendAsync(repository, $"blobs/{digest}", false, cancellationToken);
        try
        {
            var what = $"fetching blob {digest} from {_domain}/{repository}";
            await EnsureSuccessAsync(response, what, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private string Host => _domain == "docker.io" ? "registry-1.docker.io" : _domain;

    private Task<HttpResponseMessage> SendAsync(
        string repository,
        string path,
        bool manifest,
        CancellationToken cancellationToken) =>
        SendAuthorizedAsync(
            $"repository:{repository}:pull",
            baseAddress => Request(new Uri($"{baseAddress}/v2/{repository}/{path}"), manifest, null),
            cancellationToken);

    /// <summary>
    /// Sends a request built by <paramref name="build"/> (from the base address) with the
    /// authorization cached for <paramref name="scope"/>; on 401, authorizes for that scope
    /// and sends a freshly built request once more (a body can be read only once).
    /// </summary>
    private async Task<HttpResponseMessage> SendAuthorizedAsync(
        string scope,
        Func<string, HttpRequestMessage> build,
        CancellationToken cancellationToken)
    {
        var baseAddress = await BaseAddressAsync(cancellationToken);
        var request = build(baseAddress);
        request.Headers.Authorization = _authByScope.GetValueOrDefault(scope);
        Log.Sending(_logger, request.Method.Method, request.RequestUri!, request.Headers.Authorization?.Scheme ?? "none");
        var response = await _http.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString();
        response.Dispose();
        _authByScope[scope] = await AuthorizeAsync(challenge, scope, cancellationToken);
        var retry = build(baseAddress);
        retry.Headers.Authorization = _authByScope[scope];
        Log.Sending(_logger, retry.Method.Method, retry.RequestUri!, _authByScope[scope].Scheme);
        return await _http.SendAsync(
            retry, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static HttpRequestMessage Request(
        Uri uri,
        bool manifest,
        AuthenticationHeaderValue? auth)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = auth;
        if (manifest)
        {
            foreach (var type in MediaTypes.Manifests)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }
        }

        return request;
    }

    internal static async Task EnsureSuccessAsync(
        HttpResponseMessage response,
        string what,
        CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await RegistryErrorText.ReadAsync(response, cancellationToken);
        var message = $"{what}: {detail}";
        throw response.StatusCode == HttpStatusCode.NotFound
            ? new NotFoundException(message)
            : new InvalidInputException(message);
    }
}
