using System.Text.Json;
using Modular.Contracts.Plugins;

namespace Modular.Engine.Plugins;

/// <summary>
/// The plugins installed in the configured folders, found by reading each immediate
/// subfolder's <c>modular-plugin.json</c> without loading any code. A manifest that is
/// malformed, names another contracts version, or repeats an id already found, is skipped
/// with a reason that <c>modpod info</c> shows.
/// </summary>
public sealed class PluginCatalog
{
    public const string ManifestFileName = "modular-plugin.json";

    private static readonly JsonSerializerOptions ManifestJson = ManifestJsonContext.CaseInsensitiveOptions();

    private readonly List<PluginDescriptor> _accepted = [];
    private readonly List<PluginStatus> _skipped = [];

    private PluginCatalog()
    {
    }

    public IReadOnlyList<PluginDescriptor> Accepted => _accepted;

    public IReadOnlyList<PluginStatus> Skipped => _skipped;

    /// <summary>Scans the folders in order; an earlier folder wins for a repeated id.</summary>
    public static PluginCatalog Scan(IEnumerable<string> pluginDirectories)
    {
        var catalog = new PluginCatalog();
        foreach (var directory in pluginDirectories.Where(Directory.Exists))
        {
            foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                catalog.Consider(folder);
            }
        }

        return catalog;
    }

    /// <summary>The accepted plugin of <paramref name="kind"/> providing <paramref name="id"/>.</summary>
    public PluginDescriptor? Find(PluginKind kind, string id) =>
        _accepted.FirstOrDefault(p => p.Kind == kind && p.Ids.Contains(id, StringComparer.Ordinal));

    /// <summary>
    /// Why an installed folder offering <paramref name="id"/> of <paramref name="kind"/> was
    /// skipped, when no accepted plugin provides it; null otherwise.
    /// </summary>
    public PluginStatus? SkippedFor(PluginKind kind, string id)
    {
        var name = PluginKindNames.ToName(kind);
        return _skipped.FirstOrDefault(s => s.Kind == name && s.Id.Split(',').Contains(id));
    }

    /// <summary>The ids of a kind, sorted, as error messages list them.</summary>
    public IReadOnlyList<string> IdsOf(PluginKind kind) =>
        [.. _accepted.Where(p => p.Kind == kind)
            .SelectMany(p => p.Ids)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private void Consider(string folder)
    {
        var manifestPath = Path.Combine(folder, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            Skip("unknown", Path.GetFileName(folder), folder, $"no {ManifestFileName}");
            return;
        }

        var (descriptor, reason, manifest) = Read(folder, manifestPath);
        if (descriptor is null)
        {
            var ids = manifest?.Ids is { Count: > 0 } given
                ? string.Join(",", given)
                : Path.GetFileName(folder);
            Skip(manifest?.Kind ?? "unknown", ids, folder, reason!);
            return;
        }

        var taken = descriptor.Ids.FirstOrDefault(id => Find(descriptor.Kind, id) is not null);
        if (taken is not null)
        {
            var kind = PluginKindNames.ToName(descriptor.Kind);
            var other = Find(descriptor.Kind, taken)!.Directory;
            Skip(kind, taken, folder, $"{kind} \"{taken}\" is already provided by {other}");
            return;
        }

        _accepted.Add(descriptor);
    }

    private void Skip(string kind, string id, string folder, string reason) =>
        _skipped.Add(new PluginStatus(kind, id, "skipped", reason, folder));

    private static (PluginDescriptor? Descriptor, string? Reason, PluginManifest? Manifest) Read(
        string folder,
        string manifestPath)
    {
        PluginManifest? manifest;
        try
        {
            var text = File.ReadAllText(manifestPath);
            manifest = JsonSerializer.Deserialize<PluginManifest>(text, ManifestJson);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, $"malformed {ManifestFileName}: {e.Message}", null);
        }

        var (descriptor, reason) = Validate(folder, manifest);
        return (descriptor, reason, manifest);
    }

    private static (PluginDescriptor?, string?) Validate(string folder, PluginManifest? manifest)
    {
        if (manifest is null
            || manifest.Ids is not { Count: > 0 }
            || string.IsNullOrEmpty(manifest.Assembly)
            || string.IsNullOrEmpty(manifest.Module)
            || string.IsNullOrEmpty(manifest.Contracts))
        {
            return (null,
                $"malformed {ManifestFileName}: kind, ids, contracts, assembly and module are required");
        }

        if (PluginKindNames.Parse(manifest.Kind) is not { } kind)
        {
            return (null, $"unknown plugin kind \"{manifest.Kind}\"");
        }

        var ids = string.Join(",", manifest.Ids);
        if (ContractsCompatibility.Refusal(manifest.Kind, ids, manifest.Contracts) is { } refusal)
        {
            return (null, refusal);
        }

        var assembly = Path.GetFullPath(Path.Combine(folder, manifest.Assembly));
        if (!File.Exists(assembly))
        {
            return (null, $"assembly {manifest.Assembly} not found");
        }

        // The manifest may lie or be stale; the compiled reference cannot.
        return ContractsCompatibility.AssemblyRefusal(manifest.Kind, ids, assembly) is { } mismatch
            ? (null, mismatch)
            : (new PluginDescriptor(kind, manifest.Ids, folder, assembly, manifest.Module), null);
    }
}
