using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>
/// registries.conf (v2), shared read-only with Podman: the main file, then the drop-ins of
/// its <c>.d</c> directory in name order. A drop-in replaces <c>unqualified-search-registries</c>
/// and <c>short-name-mode</c> when it sets them, adds or replaces <c>[[registry]]</c> tables
/// by prefix and <c>[aliases]</c> by name (an empty value removes an alias).
/// </summary>
public sealed record RegistriesConfig(
    IReadOnlyList<string> UnqualifiedSearchRegistries,
    IReadOnlyList<RegistryEntry> Registries,
    string Source)
{
    public const string DefaultPath = "/etc/containers/registries.conf";

    /// <summary><c>enforcing</c>, <c>permissive</c> (the default when unset) or <c>disabled</c>.</summary>
    public string ShortNameMode { get; init; } = "permissive";

    /// <summary>Short-name aliases by short name.</summary>
    public IReadOnlyDictionary<string, ShortNameAlias> Aliases { get; init; } =
        new Dictionary<string, ShortNameAlias>();

    /// <summary>The file that set <c>unqualified-search-registries</c> (Podman names it).</summary>
    public string SearchOrigin { get; init; } = "";

    /// <summary>The drop-in directory read after <see cref="Source"/>.</summary>
    public string DropInDirectory { get; init; } = DefaultPath + ".d";

    /// <summary>
    /// Reads the chain; <paramref name="explicitPath"/>: EngineOptions.RegistriesConfPath.
    /// CONTAINERS_REGISTRIES_CONF or an explicit path replaces the main file, and its own
    /// <c>.d</c> directory replaces /etc's drop-ins.
    /// </summary>
    /// <remarks>
    /// Podman keeps reading /etc/containers/registries.conf.d beside an explicit file; we read
    /// the explicit file's own directory instead, so a test's configuration never picks up
    /// the host's aliases (which point at public registries).
    /// </remarks>
    public static RegistriesConfig Load(string? explicitPath)
    {
        var main = Environment.GetEnvironmentVariable("CONTAINERS_REGISTRIES_CONF") ?? explicitPath
            ?? DefaultPath;
        var dropIns = main + ".d";
        var builder = new RegistriesConfigBuilder();
        if (File.Exists(main))
        {
            RegistriesConfigFile.Merge(main, builder);
        }

        if (Directory.Exists(dropIns))
        {
            foreach (var file in Directory.GetFiles(dropIns, "*.conf").Order(StringComparer.Ordinal))
            {
                RegistriesConfigFile.Merge(file, builder);
            }
        }

        return builder.Build(main, dropIns);
    }

    /// <summary>The entry whose prefix matches <paramref name="reference"/> longest, if any.</summary>
    /// <remarks>A prefix <c>*.example.com</c> matches every host under example.com.</remarks>
    public RegistryEntry? Find(string reference) => Registries
        .Where(r => Matches(r.Prefix, reference))
        .MaxBy(r => r.Prefix.Length);

    /// <summary>The short-name alias for a repository path without tag, if any.</summary>
    public ShortNameAlias? Alias(string shortName) => Aliases.GetValueOrDefault(shortName);

    /// <summary>
    /// Where to fetch <paramref name="reference"/> from: the mirrors that serve this kind
    /// of pull, in order, then the registry's location (or the reference itself).
    /// </summary>
    public IReadOnlyList<PullSource> PullSources(ImageReference reference, bool? tlsVerify)
    {
        var entry = Find(reference.Repository);
        var forceInsecure = tlsVerify == false;
        var primaryInsecure = forceInsecure || (tlsVerify is null && entry?.Insecure == true);
        if (entry is null)
        {
            return [new PullSource(reference, primaryInsecure, false)];
        }

        var byDigest = reference.Digest is not null;
        var sources = new List<PullSource>();
        foreach (var mirror in entry.Mirrors ?? [])
        {
            if (mirror.Serves(byDigest) && (byDigest || !entry.MirrorByDigestOnly))
            {
                var insecure = forceInsecure || (tlsVerify is null && mirror.Insecure);
                sources.Add(new PullSource(Rewrite(reference, entry, mirror.Location), insecure, true));
            }
        }

        sources.Add(new PullSource(Rewrite(reference, entry, entry.Location), primaryInsecure, false));
        return sources;
    }

    private static bool Matches(string prefix, string reference)
    {
        if (prefix.StartsWith("*.", StringComparison.Ordinal))
        {
            var host = reference.Split('/')[0];
            return host.EndsWith(prefix[1..], StringComparison.Ordinal);
        }

        return reference == prefix
            || (reference.StartsWith(prefix, StringComparison.Ordinal)
                && reference[prefix.Length] is '/' or ':' or '@');
    }

    /// <summary>The reference with its matching prefix replaced by <paramref name="location"/>.</summary>
    private static ImageReference Rewrite(ImageReference reference, RegistryEntry entry, string location)
    {
        if (location.Length == 0 || location == entry.Prefix)
        {
            return reference;
        }

        // A wildcard prefix matches the host alone, so only the host is replaced.
        var prefixLength = entry.Prefix.StartsWith("*.", StringComparison.Ordinal)
            ? reference.Domain?.Length ?? 0
            : entry.Prefix.Length;
        var moved = location + reference.Repository[prefixLength..];
        var relocated = ImageReference.Parse(moved) with { Tag = reference.Tag, Digest = reference.Digest };
        return relocated.IsFullyQualified
            ? relocated
            : throw new Contracts.Errors.InvalidInputException(
                $"registries.conf location \"{location}\" names no registry");
    }
}
