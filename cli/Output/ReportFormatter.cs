using System.Text;
using System.Text.Json.Nodes;
using Modular.Cli.Templates;

namespace Modular.Cli.Output;

/// <summary>
/// Renders rows through a Go template as Podman's report package does: <c>\t</c> and
/// <c>\n</c> typed literally become tab and newline, a <c>table</c> prefix adds a header
/// row (the same template run over the column headers), and everything is aligned by
/// <see cref="TabWriter"/>.
/// </summary>
public sealed class ReportFormatter(
    string name,
    IReadOnlyDictionary<string, string> headerOverrides)
{
    public string Render(
        string format,
        IReadOnlyList<JsonObject> rows,
        IEnumerable<string> fields,
        bool noHeading)
    {
        var (body, isTable) = Normalize(format);
        var template = GoTemplate.Parse(name, body);
        var sb = new StringBuilder();
        if (isTable && !noHeading)
        {
            sb.Append(template.Execute(Headers(fields)));
        }

        foreach (var row in rows)
        {
            sb.Append(template.Execute(row));
        }

        return TabWriter.Align(sb.ToString());
    }

    /// <summary>No --format, or the bare word "table", means the command's default table.</summary>
    public static string OrDefault(string? format, string defaultFormat) =>
        format is null || format.Trim() == "table" ? defaultFormat : format;

    /// <summary>Strips "table", expands typed escapes and ends the row with a newline.</summary>
    public static (string Body, bool IsTable) Normalize(string format)
    {
        var text = format.Replace("\\t", "\t", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal);
        var isTable = text.TrimStart().StartsWith("table", StringComparison.Ordinal);
        if (isTable)
        {
            // Podman's report package: after "table ", every space separates columns, as a
            // tab does (inside actions too, where a tab is just as good a blank).
            var spaced = text.TrimStart().StartsWith("table ", StringComparison.Ordinal);
            text = text.TrimStart()["table".Length..].TrimStart(' ');
            if (spaced)
            {
                text = text.Replace(' ', '\t');
            }
        }

        return (text.EndsWith('\n') ? text : text + "\n", isTable);
    }

    /// <summary>The header row's data: each field maps to its upper-cased, split name.</summary>
    public JsonObject Headers(IEnumerable<string> fields)
    {
        var headers = new JsonObject();
        foreach (var field in fields)
        {
            headers[field] = headerOverrides.TryGetValue(field, out var title) ? title : HeaderFor(field);
        }

        return headers;
    }

    /// <summary>"CreatedAt" becomes "CREATED AT", "ID" stays "ID", "ImageID" is "IMAGE ID".</summary>
    public static string HeaderFor(string field)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (i > 0 && StartsWord(field, i))
            {
                sb.Append(' ');
            }

            sb.Append(char.ToUpperInvariant(field[i]));
        }

        return sb.ToString();
    }

    private static bool StartsWord(string s, int i)
    {
        var (prev, cur) = (s[i - 1], s[i]);
        var nextLower = i + 1 < s.Length && char.IsLower(s[i + 1]);
        return (char.IsLower(prev) && char.IsUpper(cur))
            || (char.IsUpper(prev) && char.IsUpper(cur) && nextLower)
            || (char.IsLetter(prev) && char.IsDigit(cur));
    }
}
