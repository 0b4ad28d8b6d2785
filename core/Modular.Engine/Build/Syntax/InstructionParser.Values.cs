namespace Modular.Engine.Build.Syntax;

/// <summary>ENV, LABEL and ARG: name=value words, quotes kept for the scope to remove.</summary>
internal static partial class InstructionParser
{
    private static List<KeyValueWord> NameValues(LineContext context)
    {
        var rest = context.Plain();
        var words = RawWords.Split(rest, context.Escape);
        if (words.Count == 0)
        {
            throw SyntaxErrors.AtLeastOneArgument(context.Line, context.Keyword);
        }

        // The legacy form "ENV name value..." is chosen when the first word has no '='.
        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            return [Legacy(context, rest)];
        }

        var pairs = new List<KeyValueWord>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw SyntaxErrors.File(context.Line,
                    $"Syntax error - can't find = in \"{word}\". Must be of the form: name=value");
            }

            pairs.Add(new KeyValueWord(NonBlank(context, word[..equals]), word[(equals + 1)..]));
        }

        return pairs;
    }

    private static KeyValueWord Legacy(LineContext context, string rest)
    {
        var parts = rest.Split([' ', '\t'], 2, StringSplitOptions.None);
        if (parts.Length < 2)
        {
            throw SyntaxErrors.File(context.Line, $"{context.Keyword} must have two arguments");
        }

        return new KeyValueWord(NonBlank(context, parts[0]), parts[1].TrimStart(' ', '\t'));
    }

    private static ArgInstruction Arg(LineContext context)
    {
        var words = RawWords.Split(context.Plain(), context.Escape);
        if (words.Count == 0)
        {
            throw SyntaxErrors.AtLeastOneArgument(context.Line, "ARG");
        }

        var declarations = words.Select(word =>
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            return equals < 0
                ? new ArgDeclaration(NonBlank(context, word), null)
                : new ArgDeclaration(NonBlank(context, word[..equals]), word[(equals + 1)..]);
        });
        return new ArgInstruction(context.Original, context.Line, declarations.ToList());
    }

    private static string NonBlank(LineContext context, string name) =>
        name.Length > 0
            ? name
            : throw SyntaxErrors.At(context.Line, $"{context.Keyword} names can not be blank");
}
