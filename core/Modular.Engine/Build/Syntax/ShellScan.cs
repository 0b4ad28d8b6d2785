using System.Text;
using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>One pass of <see cref="ShellLexer"/> over a text.</summary>
internal sealed partial class ShellScan(
    ShellLexer lexer,
    string text,
    Func<string, string?> lookup,
    bool splitWords)
{
    private const char End = '\0';
    private int _pos;

    public List<string> Run()
    {
        var words = new WordAccumulator(splitWords);
        while (_pos < text.Length)
        {
            ScanOne(words, stopOn: null);
        }

        return words.Finish();
    }

    private char Peek => _pos < text.Length ? text[_pos] : End;

    private bool AtEnd => _pos >= text.Length;

    private char Next() => text[_pos++];

    /// <summary>Scans one unquoted element (a character, quote, escape or expansion).</summary>
    private void ScanOne(WordAccumulator words, char? stopOn)
    {
        var ch = Next();
        if (ch == lexer.Escape)
        {
            ScanEscape(words);
        }
        else if (ch == '\'')
        {
            words.AddRaw(SingleQuoted());
        }
        else if (ch == '"')
        {
            words.AddRaw(DoubleQuoted());
        }
        else if (ch == '$')
        {
            words.AddSplitting(Dollar());
        }
        else if (stopOn is not null)
        {
            words.AddRaw(ch);
        }
        else
        {
            words.AddSplitting(ch);
        }
    }

    private void ScanEscape(WordAccumulator words)
    {
        // An escape at the very end stays, as buildkit leaves it.
        if (AtEnd)
        {
            words.AddRaw(lexer.Escape);
            return;
        }

        if (lexer.RawEscapes)
        {
            words.AddRaw(lexer.Escape);
        }

        words.AddRaw(Next());
    }

    private string SingleQuoted()
    {
        var result = new StringBuilder();
        if (lexer.RawQuotes)
        {
            result.Append('\'');
        }

        while (true)
        {
            if (AtEnd)
            {
                throw new InvalidInputException(
                    "unexpected end of statement while looking for matching single-quote");
            }

            var ch = Next();
            if (ch == '\'')
            {
                break;
            }

            result.Append(ch);
        }

        if (lexer.RawQuotes)
        {
            result.Append('\'');
        }

        return result.ToString();
    }

    private string DoubleQuoted()
    {
        var result = new StringBuilder();
        if (lexer.RawQuotes)
        {
            result.Append('"');
        }

        while (true)
        {
            if (AtEnd)
            {
                throw new InvalidInputException(
                    "unexpected end of statement while looking for matching double-quote");
            }

            var ch = Next();
            if (ch == '"')
            {
                break;
            }

            AppendInDoubleQuotes(result, ch);
        }

        if (lexer.RawQuotes)
        {
            result.Append('"');
        }

        return result.ToString();
    }

    private void AppendInDoubleQuotes(StringBuilder result, char ch)
    {
        if (ch == '$')
        {
            result.Append(Dollar());
            return;
        }

        if (ch != lexer.Escape || AtEnd)
        {
            result.Append(ch);
            return;
        }

        // Inside double quotes the escape only protects ", $ and itself, as in a shell.
        var next = Next();
        if (next is '"' or '$' || next == lexer.Escape)
        {
            if (lexer.RawEscapes)
            {
                result.Append(ch);
            }

            result.Append(next);
            return;
        }

        result.Append(ch).Append(next);
    }

    /// <summary>Scans up to the unquoted <paramref name="stop"/>; null when the text ends first.</summary>
    private string? Until(char stop)
    {
        var words = new WordAccumulator(splitWords: false);
        while (!AtEnd)
        {
            if (Peek == stop)
            {
                _pos++;
                return string.Concat(words.Finish());
            }

            ScanOne(words, stop);
        }

        return null;
    }
}
