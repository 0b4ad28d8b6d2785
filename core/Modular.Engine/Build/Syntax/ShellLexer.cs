using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The word lexer of Containerfile expansion, after buildkit's shell lexer (which buildah
/// uses): quotes, the escape character, <c>$VAR</c>, <c>${VAR}</c> and the modifiers
/// <c>:- - :+ + :? ? # ## % %% / //</c>. It is not a shell: no command substitution, no
/// globbing, no arithmetic. Failures throw <see cref="InvalidInputException"/>.
/// </summary>
public sealed class ShellLexer
{
    public ShellLexer(char escape = '\\')
    {
        Escape = escape;
    }

    public char Escape { get; }

    /// <summary>Keep quote characters in the output (used to detect quoted heredoc names).</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the output.</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Leave references to unset variables as written instead of emptying them.</summary>
    public bool SkipUnsetEnv { get; init; }

    /// <summary>Expands one word: quotes removed, whitespace kept, no field splitting.</summary>
    public string ProcessWord(string word, Func<string, string?> lookup) =>
        string.Concat(new ShellScan(this, word, lookup, splitWords: false).Run());

    /// <summary>
    /// Splits <paramref name="text"/> into words on unquoted whitespace, expanding each; an
    /// unquoted expansion is split too, as a shell does.
    /// </summary>
    public IReadOnlyList<string> ProcessWords(string text, Func<string, string?> lookup) =>
        new ShellScan(this, text, lookup, splitWords: true).Run();
}
