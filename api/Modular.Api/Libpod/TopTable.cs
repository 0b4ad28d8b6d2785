using System.Text.RegularExpressions;

namespace Modular.Api.Libpod;

/// <summary>
/// The CLI's top table (a header, then a row per process, columns apart by two or more
/// spaces or a tab) as the API's {"Titles":[...],"Processes":[[...]]}.
/// </summary>
public static partial class TopTable
{
    public static Dictionary<string, object> Parse(IReadOnlyList<string> lines)
    {
        var titles = lines.Count == 0 ? [] : Columns(lines[0], int.MaxValue);
        var processes = lines.Skip(1).Select(line => Columns(line, titles.Length)).ToList();
        return new Dictionary<string, object> { ["Titles"] = titles, ["Processes"] = processes };
    }

    // The last column (COMMAND) keeps its own spaces, the trailing one of psgo's join too
    // (the engine's top and Podman's keep it): split only as often as there are titles.
    private static string[] Columns(string line, int count)
    {
        var cells = Separator().Split(line.TrimStart(), count);
        return cells.Select((c, i) => i == cells.Length - 1 ? c.TrimStart() : c.Trim()).ToArray();
    }

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex Separator();
}
