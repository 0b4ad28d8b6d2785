using Modular.Contracts.Errors;
using Tomlyn;
using Tomlyn.Model;

namespace Modular.Engine.Configuration;

/// <summary>
/// One parsed TOML file, with typed getters whose errors name the file and the key, so a
/// user sees exactly which line of which file to fix.
/// </summary>
internal sealed class TomlFile
{
    private TomlFile(string path, TomlTable root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public TomlTable Root { get; }

    /// <exception cref="InvalidInputException">The file cannot be read or is not TOML.</exception>
    public static TomlFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"reading {path}: {e.Message}", e);
        }

        try
        {
            return new TomlFile(path, TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable());
        }
        catch (TomlException e)
        {
            throw new InvalidInputException($"parsing {path}: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>The table at a dotted name such as <c>engine.runtimes</c>, or null.</summary>
    public TomlTable? Table(string dottedName)
    {
        var table = Root;
        foreach (var part in dottedName.Split('.'))
        {
            if (!table.TryGetValue(part, out var value))
            {
                return null;
            }

            table = value as TomlTable ?? throw Invalid(dottedName, "must be a table");
        }

        return table;
    }

    public string? GetString(TomlTable table, string section, string key)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value as string ?? throw Invalid($"{section}.{key}", "must be a string");
    }

    public long? GetInteger(TomlTable table, string section, string key)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is long number ? number : throw Invalid($"{section}.{key}", "must be an integer");
    }

    public bool? GetBool(TomlTable table, string section, string key)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is bool flag ? flag : throw Invalid($"{section}.{key}", "must be a boolean");
    }

    public IReadOnlyList<string>? GetStringList(TomlTable table, string section, string key)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return ToStringList(value, $"{section}.{key}");
    }

    public IReadOnlyList<string> ToStringList(object value, string qualifiedKey)
    {
        if (value is not TomlArray array)
        {
            throw Invalid(qualifiedKey, "must be an array of strings");
        }

        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            items.Add(item as string ?? throw Invalid(qualifiedKey, "must be an array of strings"));
        }

        return items;
    }

    /// <summary>A scalar as text, for free-form option tables (storage options, [network]).</summary>
    public string ToText(object? value, string qualifiedKey) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        _ => throw Invalid(qualifiedKey, "must be a string, number or boolean"),
    };

    public InvalidInputException Invalid(string qualifiedKey, string problem) =>
        new($"{Path}: key \"{qualifiedKey}\" {problem}");

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? message;
}
