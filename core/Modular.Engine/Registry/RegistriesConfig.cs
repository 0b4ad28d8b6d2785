using Modular.Contracts.Errors;
using Tomlyn;
using Tomlyn.Model;

namespace Modular.Engine.Registry;

/// <summary>
/// registries.conf, shared read-only with Podman: CONTAINERS_REGISTRIES_CONF alone when set,
/// otherwise /etc/containers/registries.conf followed by registries.conf.d/*.conf (later
/// files replace <c>unqualified-search-registries</c> and add or replace registries).
/// </summary>
public sealed record RegistriesConfig(
    IReadOnlyList<string> UnqualifiedSearchRegistries,
    IReadOnlyList<RegistryEntry> Registries,
    string Source)
{
    public const string DefaultPath = "/etc/containers/registries.conf";

    /// <summary>Reads the chain; <paramref name="explicitPath"/>: EngineOptions.RegistriesConfPath.</summary>
    public static RegistriesConfig Load(string? explicitPath)
    {
        var single = Environment.GetEnvironmentVariable("CONTAINERS_REGISTRIES_CONF") ?? explicitPath;
        var files = single is not null ? [single] : DefaultChain();
        var search = new List<string>();
        var registries = new Dictionary<string, RegistryEntry>();
        foreach (var file in files.Where(File.Exists))
        {
            Merge(file, search, registries);
        }

        return new RegistriesConfig(search, [.. registries.Values], single ?? DefaultPath);
    }

    /// <summary>The entry whose prefix matches <paramref name="reference"/> longest, if any.</summary>
    public RegistryEntry? Find(string reference) => Registries
        .Where(r => reference == r.Prefix || reference.StartsWith(r.Prefix + "/", StringComparison.Ordinal)
            || reference.StartsWith(r.Prefix + ":", StringComparison.Ordinal)
            || reference.StartsWith(r.Prefix + "@", StringComparison.Ordinal))
        .MaxBy(r => r.Prefix.Length);

    private static List<string> DefaultChain()
    {
        var files = new List<string> { DefaultPath };
        var dropIns = DefaultPath + ".d";
        if (Directory.Exists(dropIns))
        {
            files.AddRange(Directory.GetFiles(dropIns, "*.conf").Order(StringComparer.Ordinal));
        }

        return files;
    }

    private static void Merge(
        string file,
        List<string> search,
        Dictionary<string, RegistryEntry> registries)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(file))!;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidInputException($"loading registries configuration \"{file}\": {e.Message}", e);
        }

        if (table.TryGetValue("unqualified-search-registries", out var value) && value is TomlArray array)
        {
            search.Clear();
            search.AddRange(array.OfType<string>());
        }

        if (table.TryGetValue("registry", out var list) && list is TomlTableArray entries)
        {
            foreach (var entry in entries.Select(ToEntry))
            {
                registries[entry.Prefix] = entry;
            }
        }
    }

    private static RegistryEntry ToEntry(TomlTable table)
    {
        var location = table.TryGetValue("location", out var l) ? l as string ?? "" : "";
        var prefix = table.TryGetValue("prefix", out var p) && p is string s ? s : location;
        var insecure = table.TryGetValue("insecure", out var i) && i is true;
        var blocked = table.TryGetValue("blocked", out var b) && b is true;
        return new RegistryEntry(prefix, location, insecure, blocked);
    }
}
