using System.Text;
using System.Text.RegularExpressions;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Recognises a heredoc word such as <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;"EOF"</c> or
/// <c>3&lt;&lt;'E O F'</c>, the way buildkit's parser does: a word that is only the marker;
/// any quote in the delimiter turns expansion of the body off.
/// </summary>
public static partial class HeredocMarker
{
    /// <summary>The marker's parts, or null when <paramref name="word"/> is no heredoc marker.</summary>
    public static (string Name, bool Chomp, bool Expand)? Parse(string word)
    {
        var match = MarkerPattern().Match(word);
        if (!match.Success)
        {
            return null;
        }

        // One shell word only: "<<'EOF' cat > /f" is a marker followed by a command.
        if (HasUnquotedBreak(match.Groups[3].Value))
        {
            return null;
        }

        var (name, quoted) = Unquote(match.Groups[3].Value);
        if (name.Length == 0)
        {
            return null;
        }

        return (name, match.Groups[2].Value == "-", !quoted);
    }

    /// <summary>The delimiter named by a marker word, or null.</summary>
    public static string? Name(string word) => Parse(word)?.Name;

    /// <summary>True when the whole text is one marker, as in <c>RUN &lt;&lt;EOF</c>.</summary>
    public static bool IsOnlyMarker(string text) => Parse(text.Trim()) is not null;

    private static (string Name, bool Quoted) Unquote(string text)
    {
        var name = new StringBuilder();
        var quoted = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote is null && ch is '\'' or '"')
            {
                quote = ch;
                quoted = true;
            }
            else if (ch == quote)
            {
                quote = null;
            }
            else if (ch == '\\' && quote != '\'' && i + 1 < text.Length)
            {
                quoted = true;
                name.Append(text[++i]);
            }
            else
            {
                name.Append(ch);
            }
        }

        return (name.ToString(), quoted);
    }

    /// <summary>True when the text holds a blank or shell operator outside quotes.</summary>
    private static bool HasUnquotedBreak(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote is null && ch is '\\')
            {
                i++;
            }
            else if (quote is null && ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == quote)
            {
                quote = null;
            }
            else if (quote is null && (char.IsWhiteSpace(ch) || ch is '>' or '|' or ';' or '&' or '(' or ')'))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(\d*)<<(-?)([^<]+)$")]
    private static partial Regex MarkerPattern();
}
