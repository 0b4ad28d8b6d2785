using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// The block YAML that Kubernetes manifests are written in, read into JSON nodes: maps,
/// sequences (also "- key: value" items), plain and quoted scalars, flow lists and maps of
/// scalars, literal and folded blocks, and "---" between documents. Anchors, tags and
/// multi-line plain scalars are not read (no package for YAML is allowed here).
/// </summary>
public sealed class KubeYaml
{
    private readonly List<(int Indent, string Text)> _lines;
    private int _at;

    private KubeYaml(List<(int Indent, string Text)> lines) => _lines = lines;

    /// <summary>Every non-empty document of <paramref name="text"/>.</summary>
    public static IReadOnlyList<JsonNode> ParseDocuments(string text)
    {
        var documents = new List<JsonNode>();
        var current = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.TrimEnd() is "---" or "...")
            {
                AddDocument(documents, current);
                current = [];
                continue;
            }

            current.Add(raw);
        }

        AddDocument(documents, current);
        return documents;
    }

    /// <summary>As <see cref="ParseDocuments"/>, with a syntax error worded as Podman's
    /// <c>kube play</c> words it ("multi doc yaml could not be split: yaml: ...").</summary>
    public static IReadOnlyList<JsonNode> ParseManifest(string text)
    {
        try
        {
            return ParseDocuments(text);
        }
        catch (InvalidInputException e) when (e.Message.StartsWith("yaml: ", StringComparison.Ordinal))
        {
            throw new InvalidInputException("multi doc yaml could not be split: " + e.Message);
        }
    }

    private static void AddDocument(List<JsonNode> documents, List<string> lines)
    {
        var parser = new KubeYaml(Significant(lines));
        if (parser._lines.Count > 0 && parser.ParseNode(-1) is { } node)
        {
            documents.Add(node);
        }
    }

    // Lines that carry content, with their indentation and without comments.
    private static List<(int Indent, string Text)> Significant(List<string> lines)
    {
        var result = new List<(int, string)>();
        foreach (var line in lines)
        {
            var text = StripComment(line).TrimEnd();
            if (text.Trim().Length == 0)
            {
                result.Add((-1, line));
                continue;
            }

            if (line.TrimStart().StartsWith('\t'))
            {
                throw new InvalidInputException("yaml: found character that cannot start any token");
            }

            var indent = text.Length - text.TrimStart(' ').Length;
            result.Add((indent, text[indent..]));
        }

        return result;
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private void SkipBlank()
    {
        while (_at < _lines.Count && _lines[_at].Indent < 0)
        {
            _at++;
        }
    }

    private JsonNode? ParseNode(int parentIndent)
    {
        SkipBlank();
        if (_at >= _lines.Count || _lines[_at].Indent <= parentIndent)
        {
            return null;
        }

        var (indent, text) = _lines[_at];
        return IsItem(text) ? ParseSequence(indent) : ParseMapping(indent);
    }

    private static bool IsItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private JsonArray ParseSequence(int indent)
    {
        var array = new JsonArray();
        while (Next(indent) is { } text && IsItem(text))
        {
            var rest = text.Length > 1 ? text[2..].TrimStart() : "";
            if (rest.Length == 0)
            {
                _at++;
                array.Add(ParseNode(indent));
            }
            else if (KeyOf(rest) is not null)
            {
                // "- key: value" opens a map whose keys line up with "key".
                _lines[_at] = (indent + text.Length - rest.Length, rest);
                array.Add(ParseMapping(_lines[_at].Indent));
            }
            else
            {
                _at++;
                array.Add(Scalar(Closed(rest, _at)));
            }
        }

        return array;
    }

    private JsonObject ParseMapping(int indent)
    {
        var map = new JsonObject();
        while (Next(indent) is { } text && !IsItem(text))
        {
            var key = KeyOf(text) ?? throw new InvalidInputException(
                $"yaml: line {_at + 1}: could not find expected ':'");
            var value = text[(text.IndexOf(':', key.Raw) + 1)..].Trim();
            _at++;
            map[key.Name] = value switch
            {
                "" => ValueBelow(indent),
                "|" or "|-" or ">" or ">-" => Block(indent, value),
                _ => Scalar(Closed(value, _at)),
            };
        }

        return map;
    }

    // A key's value on the following lines: deeper, or a sequence at the key's own indent.
    private JsonNode? ValueBelow(int indent)
    {
        SkipBlank();
        if (_at < _lines.Count && _lines[_at].Indent == indent && IsItem(_lines[_at].Text))
        {
            return ParseSequence(indent);
        }

        return ParseNode(indent);
    }

    private JsonNode Block(int indent, string style)
    {
        var lines = new List<string>();
        var blockIndent = -1;
        while (_at < _lines.Count && (_lines[_at].Indent < 0 || _lines[_at].Indent > indent))
        {
            var (lineIndent, text) = _lines[_at++];
            blockIndent = blockIndent < 0 && lineIndent >= 0 ? lineIndent : blockIndent;
            lines.Add(lineIndent < 0 ? "" : new string(' ', lineIndent - blockIndent) + text);
        }

        var joined = string.Join(style.StartsWith('|') ? "\n" : " ", lines).TrimEnd('\n', ' ');
        return JsonValue.Create(style.EndsWith('-') ? joined : joined + "\n");
    }

    private string? Next(int indent)
    {
        SkipBlank();
        return _at < _lines.Count && _lines[_at].Indent == indent ? _lines[_at].Text : null;
    }

    private sealed record Key(string Name, int Raw);

    // "name: value" or "name:" (outside quotes); null when the text holds no key.
    private static Key? KeyOf(string text)
    {
        if (text.StartsWith('"') || text.StartsWith('\''))
        {
            var end = text.IndexOf(text[0], 1);
            return end > 0 && end + 1 < text.Length && text[end + 1] == ':'
                ? new Key(text[1..end], end + 1)
                : null;
        }

        if (text.StartsWith('[') || text.StartsWith('{'))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return new Key(text[..i].Trim(), i);
            }
        }

        return null;
    }

    // Flow lists and maps are read on one line only: one left open (a "[" whose "]" would
    // come on later lines, or never) is refused, as go-yaml refuses the unterminated one.
    private static string Closed(string text, int lineNumber)
    {
        var open = text.StartsWith('[') ? ']' : text.StartsWith('{') ? '}' : '\0';
        return open == '\0' || text.EndsWith(open)
            ? text
            : throw new InvalidInputException($"yaml: line {lineNumber}: did not find expected node content");
    }

    private static JsonNode? Scalar(string text)
    {
        if (text.StartsWith('"'))
        {
            return JsonValue.Create(DoubleQuoted(text));
        }

        if (text.StartsWith('\''))
        {
            return JsonValue.Create(text.Trim()[1..^1].Replace("''", "'", StringComparison.Ordinal));
        }

        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return new JsonArray([.. SplitFlow(text[1..^1]).Select(Scalar)]);
        }

        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            return FlowMap(text[1..^1]);
        }

        return Plain(text);
    }

    private static JsonObject FlowMap(string inner)
    {
        var map = new JsonObject();
        foreach (var entry in SplitFlow(inner))
        {
            var key = KeyOf(entry) ?? throw new InvalidInputException(
                $"yaml: did not find expected ',' or '}}' in {{{inner}}}");
            map[key.Name] = Scalar(entry[(key.Raw + 1)..].Trim());
        }

        return map;
    }

    private static IEnumerable<string> SplitFlow(string inner) =>
        inner.Split(',').Select(part => part.Trim()).Where(part => part.Length > 0);

    private static JsonNode? Plain(string text)
    {
        if (text is "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        const NumberStyles Integer = NumberStyles.AllowLeadingSign;
        return long.TryParse(text, Integer, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }

    private static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder();
        for (var i = 1; i < text.Length && text[i] != '"'; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                sb.Append(text[i]);
                continue;
            }

            sb.Append(text[++i] switch { 'n' => '\n', 't' => '\t', '0' => '\0', var c => c });
        }

        return sb.ToString();
    }
}
