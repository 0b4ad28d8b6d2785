using System.Text;
using System.Text.RegularExpressions;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Splits a Containerfile into parser directives and logical lines, as buildkit's parser
/// does: directives only in the opening comments, comment and blank lines dropped (also
/// inside a continuation), the escape character ending a line joins it to the next, and
/// the bodies of RUN, COPY and ADD heredocs read after the instruction's last line.
/// </summary>
internal sealed partial class LineReader
{
    private static readonly HashSet<string> HeredocKeywords = ["RUN", "COPY", "ADD"];

    private readonly string[] _lines;
    private int _next;

    public LineReader(string text)
    {
        _lines = Lines(text);
        Directives = DirectiveReader.Read(_lines, ref _next);
    }

    /// <summary>A reader of a fragment: no directives, the given escape character.</summary>
    public LineReader(string text, char escape)
    {
        _lines = Lines(text);
        Directives = new ParserDirectives(Escape: escape);
    }

    private static string[] Lines(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    public ParserDirectives Directives { get; }

    public IEnumerable<LogicalLine> ReadAll()
    {
        while (_next < _lines.Length)
        {
            var start = _next + 1;
            var raw = _lines[_next++];
            if (IsComment(raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var text = JoinContinuations(raw.TrimStart());
            if (text.Trim().Length == 0)
            {
                continue;
            }

            yield return new LogicalLine(start, text, ReadHeredocs(start, text));
        }
    }

    private string JoinContinuations(string first)
    {
        var (text, continues) = TrimContinuation(first);
        var joined = new StringBuilder(text);
        while (continues && _next < _lines.Length)
        {
            var raw = _lines[_next++];

            // Comments and empty lines inside a continuation are dropped, as buildkit does.
            if (IsComment(raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            (text, continues) = TrimContinuation(raw);
            joined.Append(text);
        }

        return joined.ToString().TrimEnd();
    }

    private (string Text, bool Continues) TrimContinuation(string line)
    {
        var trimmed = line.TrimEnd(' ', '\t');
        return trimmed.EndsWith(Directives.Escape)
            ? (trimmed[..^1], true)
            : (line, false);
    }

    private List<Heredoc> ReadHeredocs(int start, string text)
    {
        var keyword = InstructionText.Keyword(text);
        if (!HeredocKeywords.Contains(keyword) || !text.Contains("<<", StringComparison.Ordinal))
        {
            return [];
        }

        var documents = new List<Heredoc>();
        foreach (var marker in HeredocWords(text))
        {
            documents.Add(ReadBody(start, marker));
        }

        return documents;
    }

    private IEnumerable<(string Name, bool Chomp, bool Expand)> HeredocWords(string text)
    {
        var lexer = new ShellLexer(Directives.Escape)
        {
            RawQuotes = true,
            RawEscapes = true,
            SkipUnsetEnv = true,
        };
        IReadOnlyList<string> words;
        try
        {
            words = lexer.ProcessWords(InstructionText.Rest(text), _ => null);
        }
        catch (Modular.Contracts.Errors.InvalidInputException)
        {
            // An unbalanced quote is the instruction's problem, reported when it is parsed.
            yield break;
        }

        foreach (var word in words)
        {
            if (HeredocMarker.Parse(word) is { } marker)
            {
                yield return marker;
            }
        }
    }

    private Heredoc ReadBody(int start, (string Name, bool Chomp, bool Expand) marker)
    {
        var content = new StringBuilder();
        while (_next < _lines.Length)
        {
            var line = _lines[_next++];
            var candidate = marker.Chomp ? line.TrimStart('\t') : line;
            if (candidate == marker.Name)
            {
                return new Heredoc(marker.Name, content.ToString(), marker.Expand, marker.Chomp);
            }

            content.Append(candidate).Append('\n');
        }

        throw SyntaxErrors.File(start, "unterminated heredoc");
    }

    private static bool IsComment(string line) => CommentPattern().IsMatch(line);

    [GeneratedRegex(@"^[ \t]*#")]
    private static partial Regex CommentPattern();
}
