using System.Text;

namespace Modular.Cli.Templates;

/// <summary>
/// Splits a Go text/template into text and action tokens. Only the subset Podman users
/// write is supported: fields, variables, strings, numbers, pipes, parentheses and the
/// trim markers <c>{{-</c> and <c>-}}</c>.
/// </summary>
public sealed class TemplateLexer(string name, string source)
{
    private readonly List<Token> _tokens = [];
    private int _pos;

    public IReadOnlyList<Token> Lex()
    {
        while (_pos < source.Length)
        {
            var open = source.IndexOf("{{", _pos, StringComparison.Ordinal);
            if (open < 0)
            {
                AddText(source[_pos..]);
                break;
            }

            var text = source[_pos..open];
            var trimLeft = open + 2 < source.Length && source[open + 2] == '-'
                && open + 3 < source.Length && char.IsWhiteSpace(source[open + 3]);
            AddText(trimLeft ? text.TrimEnd() : text);
            _pos = open + (trimLeft ? 3 : 2);
            if (Follows(_pos, "/*"))
            {
                SkipComment();
                continue;
            }

            _tokens.Add(new Token(TokenKind.LeftDelim, "{{", open));
            LexAction();
        }

        _tokens.Add(new Token(TokenKind.Eof, "", source.Length));
        return _tokens;
    }

    private void AddText(string text)
    {
        if (text.Length > 0)
        {
            _tokens.Add(new Token(TokenKind.Text, text, _pos));
        }
    }

    private void LexAction()
    {
        while (true)
        {
            SkipSpaces();
            if (_pos >= source.Length)
            {
                throw Error("unclosed action");
            }

            if (AtRightDelim(out var trimRight))
            {
                LexRightDelim(trimRight);
                return;
            }

            LexItem();
        }
    }

    /// <summary>{{/* ... */}} prints nothing; the comment must close the action.</summary>
    private void SkipComment()
    {
        var end = source.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("unclosed comment");
        }

        _pos = end + 2;
        SkipSpaces();
        if (_pos >= source.Length || !AtRightDelim(out var trim))
        {
            throw Error("comment ends before closing delimiter");
        }

        LexRightDelim(trim);
        _tokens.RemoveAt(_tokens.Count - 1);
    }

    private bool AtRightDelim(out bool trim)
    {
        trim = source[_pos] == '-' && Follows(_pos + 1, "}}");
        return trim || Follows(_pos, "}}");
    }

    private void LexRightDelim(bool trim)
    {
        _pos += trim ? 3 : 2;
        _tokens.Add(new Token(TokenKind.RightDelim, "}}", _pos));
        if (trim)
        {
            while (_pos < source.Length && char.IsWhiteSpace(source[_pos]))
            {
                _pos++;
            }
        }
    }

    private void LexItem()
    {
        var c = source[_pos];
        var start = _pos;
        switch (c)
        {
            case '|': Single(TokenKind.Pipe); break;
            case '(': Single(TokenKind.LeftParen); break;
            case ')': Single(TokenKind.RightParen); break;
            case ',': Single(TokenKind.Comma); break;
            case '"': _tokens.Add(new Token(TokenKind.String, ReadQuoted(), start)); break;
            case '`': _tokens.Add(new Token(TokenKind.String, ReadRaw(), start)); break;
            case ':' when Follows(_pos, ":="): _pos += 2; Add(TokenKind.Declare, ":=", start); break;
            case '=': Single(TokenKind.Assign); break;
            case '.': LexDotOrField(start); break;
            case '$': Add(TokenKind.Variable, "$" + ReadChain(_pos + 1), start); break;
            default: LexWordOrNumber(c, start); break;
        }
    }

    private void LexDotOrField(int start)
    {
        if (_pos + 1 < source.Length && IsWordChar(source[_pos + 1]))
        {
            Add(TokenKind.Field, ReadChain(_pos + 1), start);
            return;
        }

        _pos++;
        Add(TokenKind.Dot, ".", start);
    }

    private void LexWordOrNumber(char c, int start)
    {
        if (char.IsDigit(c) || ((c == '-' || c == '+') && _pos + 1 < source.Length
            && char.IsDigit(source[_pos + 1])))
        {
            var end = _pos + 1;
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '.'))
            {
                end++;
            }

            Add(TokenKind.Number, source[_pos..end], start);
            _pos = end;
            return;
        }

        if (!IsWordChar(c))
        {
            throw Error($"unexpected \"{c}\" in command");
        }

        Add(TokenKind.Identifier, ReadWord(_pos), start);
    }

    private void Single(TokenKind kind)
    {
        _tokens.Add(new Token(kind, source[_pos].ToString(), _pos));
        _pos++;
    }

    private void Add(TokenKind kind, string value, int start) =>
        _tokens.Add(new Token(kind, value, start));

    private string ReadWord(int from)
    {
        var end = from;
        while (end < source.Length && IsWordChar(source[end]))
        {
            end++;
        }

        _pos = end;
        return source[from..end];
    }

    /// <summary>Reads <c>A.B.C</c>: a field chain is one token, as in Go's lexer.</summary>
    private string ReadChain(int from)
    {
        var value = ReadWord(from);
        while (_pos + 1 < source.Length && source[_pos] == '.' && IsWordChar(source[_pos + 1]))
        {
            value += "." + ReadWord(_pos + 1);
        }

        return value;
    }

    private string ReadQuoted()
    {
        var sb = new StringBuilder();
        _pos++;
        while (_pos < source.Length && source[_pos] != '"')
        {
            if (source[_pos] == '\\' && _pos + 1 < source.Length)
            {
                _pos++;
                sb.Append(source[_pos] switch { 'n' => '\n', 't' => '\t', var o => o });
            }
            else
            {
                sb.Append(source[_pos]);
            }

            _pos++;
        }

        if (_pos >= source.Length)
        {
            throw Error("unterminated quoted string");
        }

        _pos++;
        return sb.ToString();
    }

    private string ReadRaw()
    {
        var end = source.IndexOf('`', _pos + 1);
        if (end < 0)
        {
            throw Error("unterminated raw quoted string");
        }

        var value = source[(_pos + 1)..end];
        _pos = end + 1;
        return value;
    }

    private void SkipSpaces()
    {
        while (_pos < source.Length && source[_pos] is ' ' or '\t' or '\r' or '\n')
        {
            _pos++;
        }
    }

    private bool Follows(int at, string text) =>
        string.CompareOrdinal(source, at, text, 0, text.Length) == 0;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private TemplateException Error(string message) =>
        new($"template: {name}:1: {message}");
}
