using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// <c>pull</c>: resolves the name as registries.conf says (alias, search registries), checks
/// policy.json, then tries each candidate in order, each through its mirrors first, fetching
/// and verifying the manifest (choosing a platform from a list), the config and the missing
/// layers, and hands everything to <see cref="ImageWriter"/>.
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
        var registries = RegistriesConfig.Load(options.RegistriesConfPath);
        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var resolution = ShortNameResolver.Resolve(input, registries, interactive);
        var policy = SignaturePolicy.Load(SignaturePolicy.PathFor(pull.SignaturePolicy));
        if (resolution.Description is { } description)
        {
            Progress(pull, description);
        }

        var errors = new List<Exception>();
        foreach (var candidate in resolution.Candidates)
        {
            try
            {
                return await PullCandidateAsync(candidate, registries, policy, pull, cancellationToken);
            }
            catch (Exception e) when (ImageErrors.ShouldWrap(e) && resolution.Candidates.Count > 1)
            {
                errors.Add(ImageErrors.ForPull(candidate.ToString(), e));
            }
        }

        throw Combined(errors);
    }

    /// <summary>One candidate: blocked and policy checks, then its sources in order.</summary>
    public async Task<ImageRecord> PullCandidateAsync(
        ImageReference reference,
        RegistriesConfig registries,
        SignaturePolicy policy,
        PullOptions pull,
        CancellationToken cancellationToken)
    {
        Progress(pull, $"Trying to pull {reference}...");
        var entry = registries.Find(reference.Repository);
        if (entry?.Blocked == true)
        {
            throw new InvalidInputException(
                $"registry {entry.Prefix} is blocked in {registries.Source} or {registries.DropInDirectory}");
        }

        policy.CheckDocker(reference);
        var sources = registries.PullSources(reference, pull.TlsVerify);
        var mirrorErrors = new List<string>();
        foreach (var source in sources.Where(s => s.IsMirror))
        {
            try
            {
                return await PullFromAsync(source, NameOf(reference), pull, cancellationToken);
            }
            catch (Exception e) when (ImageErrors.ShouldWrap(e))
            {
                Log.MirrorFailed(_logger, source.Reference.ToString(), e.Message);
                mirrorErrors.Add($"[{source.Reference}: {e.Message}]");
            }
        }

        return await PrimaryAsync(sources[^1], reference, mirrorErrors, pull, cancellationToken);
    }

    private async Task<ImageRecord> PrimaryAsync(
        PullSource primary,
        ImageReference reference,
        List<string> mirrorErrors,
        PullOptions pull,
        CancellationToken cancellationToken)
    {
        try
        {
            return await PullFromAsync(primary, NameOf(reference), pull, cancellationToken);
        }
        catch (ModularException e) when (mirrorErrors.Count > 0)
        {
            // containers/image's wording, so a user sees every place that was tried.
            var text = $"(Mirrors also failed: {string.Join(", ", mirrorErrors)}): "
                + $"{primary.Reference}: {e.Message}";
            throw e is NotFoundException ? new NotFoundException(text, e) : new InvalidInputException(text, e);
        }
    }

    private async Task<ImageRecord> PullFromAsync(
        PullSource source,
        string name,
        PullOptions pull,
        CancellationToken cancellationToken)
    {
        var domain = source.Reference.Domain!;
        using var client = new RegistryClient(
            domain,
            source.Insecure,
            Credentials(pull, domain),
            loggers.CreateLogger<RegistryClient>(),
            pull.CertDirectory);
        var session = new PullSession(client, source.Reference, name, pull, store, _logger);
        var resolved = await session.ResolveManifestAsync(PlatformOf(pull), cancellationToken);
        Progress(pull, "Getting image source signatures");
        var config = resolved.Config ?? await session.FetchConfigAsync(
            resolved.Manifest.Config!, MaxConfigSize, cancellationToken);
        return await session.FetchAndCommitAsync(
            resolved, config, writer, ParallelDownloads, cancellationToken);
    }

    /// <summary>Podman's "N errors occurred while pulling:" with one " * " item per candidate.</summary>
    private static Exception Combined(List<Exception> errors)
    {
        if (errors.Count == 1)
        {
            return errors[0];
        }

        var text = $"{errors.Count} errors occurred while pulling:"
            + string.Concat(errors.Select(e => "\n * " + e.Message));
        return errors.TrueForAll(e => e is NotFoundException)
            ? new NotFoundException(text)
            : new InvalidInputException(text);
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
        if (pull.Quiet)
        {
            return;
        }

        if (pull.Copy is { } copy)
        {
            copy.Message(line);
            return;
        }

        if (pull.Progress is not { } progress)
        {
            return;
        }

        // Layers download in parallel and a TextWriter is not thread-safe.
        lock (progress)
        {
            progress.WriteLine(line);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Mirror {Mirror} failed: {Reason}")]
        public static partial void MirrorFailed(ILogger logger, string mirror, string reason);
    }
}
