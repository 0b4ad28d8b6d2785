using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>Expansion as the Dockerfile reference documents it (buildkit's shell lexer).</summary>
public sealed class ShellLexerTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["A"] = "a",
        ["EMPTY"] = "",
        ["SPACED"] = "x  y",
        ["PATHS"] = "dir/sub/file.tar.gz",
    };

    private static string Word(string text, char escape = '\\') =>
        new ShellLexer(escape).ProcessWord(text, n => Env.GetValueOrDefault(n));

    private static IReadOnlyList<string> Words(string text) =>
        new ShellLexer().ProcessWords(text, n => Env.GetValueOrDefault(n));

    [Theory]
    [InlineData("$A", "a")]
    [InlineData("${A}", "a")]
    [InlineData("pre${A}post", "preapost")]
    [InlineData("$A$A", "aa")]
    [InlineData("$UNSET", "")]
    [InlineData("${UNSET:-word}", "word")]
    [InlineData("${EMPTY:-word}", "word")]
    [InlineData("${EMPTY-word}", "")]
    [InlineData("${UNSET-word}", "word")]
    [InlineData("${A:-word}", "a")]
    [InlineData("${A:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET+alt}", "")]
    [InlineData("${UNSET:-$A}", "a")]
    [InlineData("${UNSET:-${A:+nested}}", "nested")]
    [InlineData("${UNSET:-'quoted word'}", "quoted word")]
    [InlineData("${PATHS#*/}", "sub/file.tar.gz")]
    [InlineData("${PATHS##*/}", "file.tar.gz")]
    [InlineData("${PATHS%.*}", "dir/sub/file.tar")]
    [InlineData("${PATHS%%.*}", "dir/sub/file")]
    [InlineData("${PATHS/sub/SUB}", "dir/SUB/file.tar.gz")]
    [InlineData("${PATHS//\\//-}", "dir-sub-file.tar.gz")]
    [InlineData("'$A'", "$A")]
    [InlineData("\"$A\"", "a")]
    [InlineData("\"'$A'\"", "'a'")]
    [InlineData("\\$A", "$A")]
    [InlineData("\"\\$A\"", "$A")]
    [InlineData("\"a\\b\"", "a\\b")]
    [InlineData("a\\ b", "a b")]
    [InlineData("$", "$")]
    [InlineData("a$ b", "a$ b")]
    [InlineData("$1x", "x")]
    [InlineData("$$", "")]
    [InlineData("\"x  y\"", "x  y")]
    public void A_word_expands_like_buildkits_lexer(string text, string expected)
    {
        Assert.Equal(expected, Word(text));
    }

    [Fact]
    public void With_the_backtick_escape_a_backslash_is_literal()
    {
        Assert.Equal("c:\\dir$A", Word("c:\\dir`$A", '`'));
    }

    [Fact]
    public void Words_split_on_unquoted_whitespace_and_unquoted_expansions()
    {
        Assert.Equal(["a", "x", "y", "x  y", "q r"], Words("$A $SPACED \"$SPACED\" 'q r'"));
    }

    [Theory]
    [InlineData("${UNSET:?must be set}", "UNSET: must be set")]
    [InlineData("${UNSET?}", "UNSET: is not allowed to be unset")]
    [InlineData("${EMPTY:?}", "EMPTY: is not allowed to be empty")]
    [InlineData("${A", "syntax error: missing '}'")]
    [InlineData("${}", "bad substitution")]
    [InlineData("${A:x}", "unsupported modifier (:x) in substitution")]
    [InlineData("'open", "unexpected end of statement while looking for matching single-quote")]
    [InlineData("\"open", "unexpected end of statement while looking for matching double-quote")]
    public void Bad_expansions_fail_with_the_lexers_words(string text, string expected)
    {
        Assert.Equal(expected, Assert.Throws<InvalidInputException>(() => Word(text)).Message);
    }

    [Fact]
    public void Skipping_unset_variables_keeps_them_as_written()
    {
        var lexer = new ShellLexer { SkipUnsetEnv = true };

        Assert.Equal("$X/${Y}/a", lexer.ProcessWord("$X/${Y}/$A", n => Env.GetValueOrDefault(n)));
    }
}
