using System.Net;
using System.Text.Json;

namespace Modular.Engine.Registry;

public sealed partial class RegistryClient
{
    // A catalog may be long; a registry that keeps sending Link headers is not followed
    // past this many pages.
    private const int MaxCatalogPages = 100;

    /// <summary>
    /// Asks the registry's v1 search endpoint (Docker Hub style). Null when the registry has
    /// none (a distribution registry answers 404): the caller falls back to the catalog.
    /// </summary>
    public async Task<IReadOnlyList<V1SearchHit>?> SearchV1Async(
        string term,
        int limit,
        CancellationToken cancellationToken)
    {
        var query = $"/v1/search?q={Uri.EscapeDataString(term)}&n={limit}";
        var baseAddress = await BaseAddressAsync(cancellationToken);
        try
        {
            // containers/image sends this one without credentials.
            using var response = await _http.GetAsync(baseAddress + query, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("results", out var results)
                && results.ValueKind == JsonValueKind.Array
                ? [.. results.EnumerateArray().Select(V1SearchHit.From)]
                : null;
        }
        catch (Exception e) when (e is JsonException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// The repositories of <c>/v2/_catalog</c>, following its <c>Link</c> pages until
    /// <paramref name="enough"/> says the caller has what it needs.
    /// </summary>
    public async Task<IReadOnlyList<string>> CatalogAsync(
        Func<IReadOnlyList<string>, bool> enough,
        CancellationToken cancellationToken)
    {
        var repositories = new List<string>();
        var path = "/v2/_catalog";
        for (var page = 0; page < MaxCatalogPages && path is not null; page++)
        {
            using var response = await SendAuthorizedAsync(
                "registry:catalog:*",
                baseAddress => new HttpRequestMessage(HttpMethod.Get, baseAddress + path),
                cancellationToken);
            await EnsureSuccessAsync(response, $"listing repositories of {_domain}", cancellationToken);
            repositories.AddRange(await NamesAsync(response, "repositories", cancellationToken));
            path = enough(repositories) ? null : NextPage(response);
        }

        return repositories;
    }

    /// <summary>The tags of <paramref name="repository"/> (<c>/v2/NAME/tags/list</c>).</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(
        string repository,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, "tags/list", false, cancellationToken);
        await EnsureSuccessAsync(
            response, $"listing tags of {_domain}/{repository}", cancellationToken);
        return await NamesAsync(response, "tags", cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(
        HttpResponseMessage response,
        string key,
        CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty(key, out var names)
            && names.ValueKind == JsonValueKind.Array
            ? [.. names.EnumerateArray().Select(n => n.GetString() ?? "")]
            : [];
    }

    /// <summary>The path and query of the <c>rel="next"</c> link, or null on the last page.</summary>
    private static string? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.FirstOrDefault() ?? "";
        var target = link.Split(';')[0].Trim().Trim('<', '>');
        if (target.Length == 0)
        {
            return null;
        }

        // The link may be relative or absolute; only its path and query are used, on the
        // registry we already talk to.
        var uri = new Uri(new Uri("http://registry.invalid"), target);
        return uri.PathAndQuery;
    }
}
