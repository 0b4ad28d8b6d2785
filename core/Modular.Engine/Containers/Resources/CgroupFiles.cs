using System.Globalization;

namespace Modular.Engine.Containers.Resources;

/// <summary>Reads cgroup and proc files that may vanish at any moment with the container.</summary>
public static class CgroupFiles
{
    /// <summary>The first number in the file; 0 when missing, unreadable or "max".</summary>
    public static ulong ReadNumber(string? directory, string file)
    {
        var text = ReadLines(directory, file).FirstOrDefault()?.Split(' ')[0] ?? "";
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    /// <summary>"key value" lines (memory.stat, cpu.stat) as a dictionary.</summary>
    public static Dictionary<string, ulong> ReadKeyed(string? directory, string file)
    {
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var parts in ReadLines(directory, file).Select(line => line.Split(' ')).Where(p => p.Length == 2))
        {
            if (ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values[parts[0]] = value;
            }
        }

        return values;
    }

    public static IReadOnlyList<string> ReadLines(string? directory, string file)
    {
        if (directory is null)
        {
            return [];
        }

        try
        {
            return File.ReadAllLines(Path.Combine(directory, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
