using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// <c>pull</c>: resolves the reference against registries.conf, fetches and verifies the
/// manifest (choosing a platform from a list), the config and the missing layers, then
/// hands everything to <see cref="ImageWriter"/>.
/// </summary>
public sealed partial class ImagePuller(
    EngineOptions options,
    ImageStore store,
    ImageWriter writer,
    ILoggerFactory loggers)
{
    private const int ParallelDownloads = 3;
    private const long MaxConfigSize = 16 << 20;

    private readonly ILogger _logger = loggers.CreateLogger<ImagePuller>();

    /// <summary>Pulls <paramref name="input"/>; returns the stored image's record.</summary>
    public async Task<ImageRecord> PullAsync(
        string input,
        PullOptions pull,
        CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(input).WithDefaultTag();
        var registries = RegistriesConfig.Load(options.RegistriesConfPath);
        var candidates = Candidates(input, reference, registries);
        NotFoundException? notFound = null;
        foreach (var candidate in candidates)
        {
            try
            {
                return await PullFromAsync(candidate, registries, pull, cancellationToken);
            }
            catch (NotFoundException e) when (candidates.Count > 1)
            {
                notFound = e;
            }
        }

        throw notFound ?? new NotFoundException($"{input}: image not known");
    }

    private static List<ImageReference> Candidates(
        string input,
        ImageReference reference,
        RegistriesConfig conf)
    {
        if (reference.IsFullyQualified)
        {
            return [reference];
        }

        if (conf.UnqualifiedSearchRegistries.Count == 0)
        {
            throw new InvalidInputException(
                $"short-name \"{input}\" did not resolve to an alias and no unqualified-search "
                + $"registries are defined in \"{conf.Source}\"");
        }

        return [.. conf.UnqualifiedSearchRegistries.Select(reference.Qualify)];
    }

    private async Task<ImageRecord> PullFromAsync(
        ImageReference reference,
        RegistriesConfig registries,
        PullOptions pull,
        CancellationToken cancellationToken)
    {
        var entry = registries.Find(reference.Repository);
        if (entry?.Blocked == true)
        {
            throw new InvalidInputException($"registry {reference.Domain} is blocked in registries.conf");
        }

        Progress(pull, $"Trying to pull {reference}...");
        var source = Relocate(reference, entry);
        var insecure = pull.TlsVerify == false || (pull.TlsVerify is null && entry?.Insecure == true);
        using var client = new RegistryClient(
            source.Domain!,
            insecure,
            Credentials(pull, source.Domain!),
            loggers.CreateLogger<RegistryClient>());
        var session = new PullSession(client, source, NameOf(reference), pull, store, _logger);
        var resolved = await session.ResolveManifestAsync(PlatformOf(pull), cancellationToken);
        Progress(pull, "Getting image source signatures");
        var config = await session.FetchConfigAsync(
            resolved.Manifest.Config!, MaxConfigSize, cancellationToken);
        return await session.FetchAndCommitAsync(
            resolved, config, writer, ParallelDownloads, cancellationToken);
    }

    /// <summary>registries.conf <c>location</c>: where a <c>prefix</c>'s images really live.</summary>
    private static ImageReference Relocate(ImageReference reference, RegistryEntry? entry)
    {
        if (entry is null || entry.Location.Length == 0 || entry.Location == entry.Prefix)
        {
            return reference;
        }

        var moved = entry.Location + reference.Repository[entry.Prefix.Length..];
        var relocated = ImageReference.Parse(moved) with { Tag = reference.Tag, Digest = reference.Digest };
        return relocated.IsFullyQualified
            ? relocated
            : throw new InvalidInputException(
                $"registries.conf location \"{entry.Location}\" names no registry");
    }

    /// <summary>A digest-only pull is named repository@digest, with no tag, as Podman lists it.</summary>
    private static string NameOf(ImageReference reference) =>
        reference.Tag is null
            ? $"{reference.Repository}@{reference.Digest}"
            : $"{reference.Repository}:{reference.Tag}";

    private static Platform PlatformOf(PullOptions pull) =>
        pull.Platform is null ? Platform.Host() : Platform.Parse(pull.Platform);

    private RegistryCredentials? Credentials(PullOptions pull, string domain) =>
        pull.Credentials is not null
            ? RegistryCredentials.FromFlag(pull.Credentials)
            : RegistryCredentials.FromAuthFile(
                RegistryCredentials.AuthFilePath(pull.AuthFile, options.AuthFilePath),
                domain);

    internal static void Progress(PullOptions pull, string line)
    {
        if (pull.Quiet || pull.Progress is not { } progress)
        {
            return;
        }

        // Layers download in parallel and a TextWriter is not thread-safe.
        lock (progress)
        {
            progress.WriteLine(line);
        }
    }
}
