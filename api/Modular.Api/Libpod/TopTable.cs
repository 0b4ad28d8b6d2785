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

    // The last column (COMMAND) keeps its own spaces: split only as often as there are titles.
    private static string[] Columns(string line, int count) =>
        Separator().Split(line.Trim(), count).Select(c => c.Trim()).ToArray();

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex Separator();
}
