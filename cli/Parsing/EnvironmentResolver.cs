using Modular.Cli.Errors;

namespace Modular.Cli.Parsing;

/// <summary>
/// Turns <c>--env-file</c> and <c>-e</c> values into NAME=VALUE pairs as Podman does:
/// files first, then -e in order; <c>NAME</c> alone copies the host's value and is left
/// out entirely (not set empty) when the host has none.
/// </summary>
public static class EnvironmentResolver
{
    public static IReadOnlyList<string> Resolve(
        IEnumerable<string> envFiles,
        IEnumerable<string> envFlags,
        Func<string, string?> hostVariable)
    {
        var result = new List<string>();
        foreach (var file in envFiles)
        {
            result.AddRange(ReadFile(file, hostVariable));
        }

        result.AddRange(envFlags.SelectMany(e => Entry(e, hostVariable)));
        return result;
    }

    public static IEnumerable<string> ParseFileLines(
        IEnumerable<string> lines,
        Func<string, string?> hostVariable) =>
        lines.Select(l => l.TrimStart())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .SelectMany(l => Entry(l.TrimEnd('\r'), hostVariable));

    private static IEnumerable<string> ReadFile(string path, Func<string, string?> hostVariable)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"open {path}: no such file or directory");
        }

        return ParseFileLines(File.ReadAllLines(path), hostVariable).ToList();
    }

    private static IEnumerable<string> Entry(string entry, Func<string, string?> hostVariable)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        if (eq == 0)
        {
            throw new UsageException($"invalid environment variable: \"{entry}\"");
        }

        if (eq > 0)
        {
            return [entry];
        }

        var value = hostVariable(entry);
        return value is null ? [] : [$"{entry}={value}"];
    }
}
