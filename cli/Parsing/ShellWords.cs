using System.Text;
using Modular.Contracts.Errors;

namespace Modular.Cli.Parsing;

/// <summary>
/// Splits a command line into words the way google/shlex does for Podman's runlabel:
/// blanks separate words, single quotes keep everything, double quotes keep all but a
/// backslash before <c>" \ $ `</c> or a newline, a backslash outside quotes escapes the
/// next character, and <c>#</c> at the start of a word comments out the rest of the line.
/// </summary>
public static class ShellWords
{
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                Flush(words, word, ref inWord);
            }
            else if (c == '#' && !inWord)
            {
                i = SkipComment(text, i);
            }
            else
            {
                inWord = true;
                i = c switch
                {
                    '\'' => SingleQuoted(text, i, word),
                    '"' => DoubleQuoted(text, i, word),
                    '\\' => Escaped(text, i, word),
                    _ => Append(word, c, i),
                };
            }
        }

        Flush(words, word, ref inWord);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder word, ref bool inWord)
    {
        if (inWord)
        {
            words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }

    private static int Append(StringBuilder word, char c, int i)
    {
        word.Append(c);
        return i;
    }

    private static int SkipComment(string text, int i)
    {
        var newline = text.IndexOf('\n', i);
        return newline < 0 ? text.Length : newline;
    }

    private static int SingleQuoted(string text, int i, StringBuilder word)
    {
        var end = text.IndexOf('\'', i + 1);
        if (end < 0)
        {
            throw new InvalidInputException("EOF found when expecting closing quote");
        }

        word.Append(text, i + 1, end - i - 1);
        return end;
    }

    private static int DoubleQuoted(string text, int i, StringBuilder word)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '"')
            {
                return j;
            }

            if (c == '\\' && j + 1 < text.Length && "\"\\$`\n".Contains(text[j + 1]))
            {
                j++;
                c = text[j];
            }

            word.Append(c);
        }

        throw new InvalidInputException("EOF found when expecting closing quote");
    }

    private static int Escaped(string text, int i, StringBuilder word)
    {
        if (i + 1 >= text.Length)
        {
            throw new InvalidInputException("EOF found after escape character");
        }

        word.Append(text[i + 1]);
        return i + 1;
    }
}
