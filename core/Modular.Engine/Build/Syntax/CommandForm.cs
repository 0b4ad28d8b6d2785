namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The argument of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: exec form
/// (<c>["a","b"]</c>, <see cref="IsExec"/>, one word per element) or shell form (one word,
/// the raw text, to be run through the stage's SHELL). Neither form is expanded at build
/// level; the shell expands at run time.
/// </summary>
public sealed record CommandForm(bool IsExec, IReadOnlyList<string> Words)
{
    public static CommandForm Shell(string text) => new(false, [text]);

    public static CommandForm Exec(IReadOnlyList<string> words) => new(true, words);

    /// <summary>The argv: exec words as is, or <paramref name="shell"/> plus the text.</summary>
    public IReadOnlyList<string> ToArgv(IReadOnlyList<string> shell) =>
        IsExec ? Words : [.. shell, .. Words];
}
