using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>
/// <c>search</c> as containers/common does it: the registry before the first slash of the
/// term, else every unqualified-search registry; on each, the v1 search endpoint when the
/// term is not empty, else (a distribution registry has none) the repositories of
/// <c>/v2/_catalog</c> that contain the term, a full match first. One registry that
/// answers is enough; errors are reported only when none did.
/// </summary>
public sealed class ImageSearch(EngineOptions options, ILoggerFactory loggers)
{
    private const int DefaultLimit = 25;
    private const int TruncateAt = 44;

    /// <exception cref="InvalidInputException">Bad filter, or no registry could be searched.</exception>
    public async Task<IReadOnlyList<ImageSearchResult>> SearchAsync(
        ImageSearchRequest request,
        CancellationToken cancellationToken)
    {
        var filter = ImageSearchFilter.Parse(request.Filters ?? []);
        if (request.ListTags && (request.Filters?.Count ?? 0) > 0)
        {
            throw new InvalidInputException("filters are not applicable to list tags result");
        }

        var config = RegistriesConfig.Load(options.RegistriesConfPath);
        var (registries, term) = Targets(request.Term, config);
        var results = new List<ImageSearchResult>();
        var errors = new List<string>();
        foreach (var registry in registries)
        {
            try
            {
                results.AddRange(await SearchOneAsync(
                    registry, term, request, filter, config, cancellationToken));
            }
            catch (Exception e) when (e is ModularException or HttpRequestException)
            {
                errors.Add(e.Message);
            }
        }

        return results.Count > 0 || errors.Count == 0 ? results : throw Combined(errors);
    }

    private static (IReadOnlyList<string> Registries, string Term) Targets(
        string term,
        RegistriesConfig config)
    {
        // Everything before the first slash is the registry; the term may hold wildcards a
        // reference parser would refuse, so it is not parsed as a reference.
        var slash = term.IndexOf('/');
        return slash >= 0
            ? ([term[..slash]], term[(slash + 1)..])
            : (config.UnqualifiedSearchRegistries, term);
    }

    private async Task<IReadOnlyList<ImageSearchResult>> SearchOneAsync(
        string registry,
        string term,
        ImageSearchRequest request,
        ImageSearchFilter filter,
        RegistriesConfig config,
        CancellationToken cancellationToken)
    {
        using var client = Client(registry, request, config);
        if (request.ListTags)
        {
            return await TagsAsync(client, registry, term, request.Limit, cancellationToken);
        }

        var limit = request.Limit > 0 ? request.Limit : DefaultLimit;
        IReadOnlyList<V1SearchHit> hits;
        try
        {
            hits = await HitsAsync(client, term, limit, cancellationToken);
        }
        catch (Exception e) when (e is ModularException or HttpRequestException)
        {
            throw new InvalidInputException($"couldn't search registry \"{registry}\": {e.Message}", e);
        }

        return [.. hits.Take(limit).Where(filter.Matches).Select(h => Row(registry, h, request.NoTrunc))];
    }

    private static async Task<IReadOnlyList<V1SearchHit>> HitsAsync(
        RegistryClient client,
        string term,
        int limit,
        CancellationToken cancellationToken)
    {
        if (term.Length > 0 && await client.SearchV1Async(term, limit, cancellationToken) is { } v1)
        {
            return v1;
        }

        var repositories = await client.CatalogAsync(
            names => names.Count(n => n.Contains(term, StringComparison.Ordinal)) >= limit,
            cancellationToken);
        var matches = repositories.Where(n => n.Contains(term, StringComparison.Ordinal)).Take(limit);
        // A full match is listed first (containers/image, bugzilla 1976283).
        return [.. matches
            .OrderBy(n => n == term ? 0 : 1)
            .Select(n => new V1SearchHit(n, "", 0, false, false))];
    }

    private static async Task<IReadOnlyList<ImageSearchResult>> TagsAsync(
        RegistryClient client,
        string registry,
        string term,
        int limit,
        CancellationToken cancellationToken)
    {
        ImageReference reference;
        try
        {
            reference = ImageReference.Parse($"{registry}/{term}");
        }
        catch (ModularException e)
        {
            throw new InvalidInputException($"reference \"{term}\" must be a docker reference", e);
        }

        IReadOnlyList<string> tags;
        try
        {
            tags = await client.TagsAsync(reference.Path, cancellationToken);
        }
        catch (Exception e) when (e is ModularException or HttpRequestException)
        {
            throw new InvalidInputException($"getting repository tags: {e.Message}", e);
        }

        var name = reference.Repository;
        return [.. tags.Take(limit > 0 ? limit : DefaultLimit)
            .Select(t => new ImageSearchResult(registry, name, "", 0, "", "", t))];
    }

    private static ImageSearchResult Row(string registry, V1SearchHit hit, bool noTrunc)
    {
        var description = hit.Description.Replace('\n', ' ');
        if (description.Length > TruncateAt && !noTrunc)
        {
            description = description[..TruncateAt] + "...";
        }

        var name = registry is "docker.io" && !hit.Name.Contains('/')
            ? $"docker.io/library/{hit.Name}"
            : $"{registry}/{hit.Name}";
        return new ImageSearchResult(
            registry,
            name,
            description,
            hit.StarCount,
            hit.IsOfficial ? "[OK]" : "",
            hit.IsAutomated ? "[OK]" : "",
            "");
    }

    private RegistryClient Client(string registry, ImageSearchRequest request, RegistriesConfig config)
    {
        var entry = config.Find(registry);
        var insecure = request.TlsVerify == false || (request.TlsVerify is null && entry?.Insecure == true);
        // containers/image searches the host as typed; we follow a [[registry]] table that
        // relocates exactly this host, so a registry moved elsewhere is searched where it lives.
        var relocation = entry is { } e && e.Prefix == registry
            && e.Location.Length > 0 && !e.Location.Contains('/')
            ? e.Location
            : null;
        var host = relocation ?? registry;
        var credentials = request.Credentials is not null
            ? RegistryCredentials.FromFlag(request.Credentials)
            : RegistryCredentials.FromAuthFile(
                RegistryCredentials.AuthFilePath(request.AuthFile, options.AuthFilePath), registry);
        return new RegistryClient(
            host, insecure, credentials, loggers.CreateLogger<RegistryClient>(), request.CertDirectory);
    }

    /// <summary>hashicorp/go-multierror's text, which Podman prints for a failed search.</summary>
    private static InvalidInputException Combined(IReadOnlyList<string> errors)
    {
        var head = errors.Count == 1 ? "1 error occurred:" : $"{errors.Count} errors occurred:";
        return new InvalidInputException(head + string.Concat(errors.Select(e => $"\n\t* {e}")));
    }
}
