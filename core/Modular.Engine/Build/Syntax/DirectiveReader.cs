using System.Text.RegularExpressions;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Reads <c># syntax=</c>, <c># escape=</c> and <c># check=</c> from the first lines. The first
/// line that is not a known directive (an instruction, a blank line, any other comment)
/// ends them; a later directive is an ordinary comment.
/// </summary>
internal static partial class DirectiveReader
{
    public static ParserDirectives Read(string[] lines, ref int next)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        while (next < lines.Length)
        {
            var match = DirectivePattern().Match(lines[next]);
            if (!match.Success)
            {
                break;
            }

            var name = match.Groups[1].Value.ToLowerInvariant();
            if (name is not ("syntax" or "escape" or "check"))
            {
                break;
            }

            if (!found.TryAdd(name, match.Groups[2].Value))
            {
                throw SyntaxErrors.File(next + 1, $"only one {name} parser directive can be used");
            }

            next++;
        }

        return new ParserDirectives(
            found.GetValueOrDefault("syntax"),
            EscapeOf(found.GetValueOrDefault("escape")),
            found.GetValueOrDefault("check"));
    }

    private static char EscapeOf(string? value) => value switch
    {
        null or "\\" => '\\',
        "`" => '`',
        _ => throw SyntaxErrors.File(1, $"invalid escape token '{value}' does not match ` or \\"),
    };

    [GeneratedRegex(@"^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$")]
    private static partial Regex DirectivePattern();
}
