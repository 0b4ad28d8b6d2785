namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Splits text on whitespace outside quotes, keeping quotes and escapes in the words, as
/// buildkit's parseWords does for ENV, LABEL and ARG.
/// </summary>
internal static class RawWords
{
    public static List<string> Split(string text, char escape)
    {
        var words = new List<string>();
        var position = 0;
        while (Next(text, escape, ref position) is { } word)
        {
            words.Add(word);
        }

        return words;
    }

    /// <summary>The next word from <paramref name="position"/>, or null at the end.</summary>
    public static string? Next(string text, char escape, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= text.Length)
        {
            return null;
        }

        var start = position;
        char? quote = null;
        for (; position < text.Length; position++)
        {
            var ch = text[position];
            if (ch == escape && quote != '\'' && position + 1 < text.Length)
            {
                position++;
            }
            else if (quote is null && char.IsWhiteSpace(ch))
            {
                break;
            }
            else if (quote is null && ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == quote)
            {
                quote = null;
            }
        }

        return text[start..position];
    }
}
