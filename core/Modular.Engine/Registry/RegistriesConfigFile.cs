using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Tomlyn;
using Tomlyn.Model;

namespace Modular.Engine.Registry;

/// <summary>Parses one registries.conf file (v2 format) into the accumulating chain.</summary>
internal static class RegistriesConfigFile
{
    private static readonly string[] Modes = ["enforcing", "permissive", "disabled"];

    /// <exception cref="InvalidInputException">The file is not valid TOML or not valid v2.</exception>
    public static void Merge(string file, RegistriesConfigBuilder builder)
    {
        var table = Parse(file);
        if (table.TryGetValue("unqualified-search-registries", out var value) && value is TomlArray array)
        {
            builder.Search.Clear();
            builder.Search.AddRange(array.OfType<string>());
            builder.SearchOrigin = file;
        }

        if (table.TryGetValue("short-name-mode", out var mode) && mode is string text && text.Length > 0)
        {
            builder.ShortNameMode = Modes.Contains(text)
                ? text
                : throw Invalid(file, $"invalid short name mode \"{text}\"");
        }

        if (table.TryGetValue("registry", out var list) && list is TomlTableArray entries)
        {
            foreach (var entry in entries.Select(e => ToEntry(file, e)))
            {
                builder.Registries[entry.Prefix] = entry;
            }
        }

        if (table.TryGetValue("aliases", out var aliases) && aliases is TomlTable aliasTable)
        {
            MergeAliases(file, aliasTable, builder.Aliases);
        }
    }

    private static TomlTable Parse(string file)
    {
        try
        {
            return TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(file)) ?? new TomlTable();
        }
        catch (Exception e) when (e is TomlException or IOException or UnauthorizedAccessException)
        {
            throw Invalid(file, e.Message.Split('\n')[0], e);
        }
    }

    private static RegistryEntry ToEntry(string file, TomlTable table)
    {
        var location = String(table, "location");
        var prefix = String(table, "prefix") is { Length: > 0 } p ? p : location;
        if (prefix.Length == 0)
        {
            throw Invalid(file, "invalid location: cannot be empty");
        }

        var mirrors = table.TryGetValue("mirror", out var m) && m is TomlTableArray array
            ? array.Select(t => ToMirror(file, t)).ToList()
            : [];
        return new RegistryEntry(
            prefix,
            location,
            Bool(table, "insecure"),
            Bool(table, "blocked"),
            mirrors,
            Bool(table, "mirror-by-digest-only"));
    }

    private static RegistryMirror ToMirror(string file, TomlTable table)
    {
        var location = String(table, "location");
        var pull = String(table, "pull-from-mirror") is { Length: > 0 } p ? p : "all";
        if (location.Length == 0)
        {
            throw Invalid(file, "invalid location: cannot be empty");
        }

        return pull is "all" or "digest-only" or "tag-only"
            ? new RegistryMirror(location, Bool(table, "insecure"), pull)
            : throw Invalid(file, $"unsupported pull-from-mirror value \"{pull}\"");
    }

    private static void MergeAliases(
        string file,
        TomlTable table,
        Dictionary<string, ShortNameAlias> aliases)
    {
        foreach (var (name, raw) in table)
        {
            var value = raw as string ?? "";
            if (value.Length == 0)
            {
                aliases.Remove(name);
                continue;
            }

            var parsed = ImageReference.TryParse(value, out var reference) ? reference : null;
            if (parsed is not { IsFullyQualified: true, Tag: null, Digest: null })
            {
                throw Invalid(file, $"alias \"{name}\": \"{value}\" is not a fully-qualified name without tag");
            }

            aliases[name] = new ShortNameAlias(name, value, file);
        }
    }

    private static string String(TomlTable table, string key) =>
        table.TryGetValue(key, out var v) && v is string s ? s : "";

    private static bool Bool(TomlTable table, string key) =>
        table.TryGetValue(key, out var v) && v is true;

    private static InvalidInputException Invalid(string file, string why, Exception? inner = null) =>
        new($"loading registries configuration \"{file}\": {why}", inner);
}
