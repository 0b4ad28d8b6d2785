namespace Modular.Engine.Build.Syntax;

/// <summary>
/// <c>RUN [--mount=...] [--network=...] [--security=...] command</c>. The command is never
/// expanded at build level (the shell does it). With heredocs, use <see cref="Script"/>.
/// </summary>
public sealed record RunInstruction(
    string Original,
    int Line,
    CommandForm Command,
    IReadOnlyList<RunMount> Mounts,
    string? Network,
    string? Security,
    IReadOnlyList<Heredoc> Documents)
    : Instruction("RUN", Original, Line)
{
    public override IReadOnlyList<Heredoc> Heredocs => Documents;

    /// <summary>
    /// What to run, heredocs resolved as buildkit and buildah do: <c>RUN &lt;&lt;EOF</c> alone
    /// runs the document's text through the shell (or, starting with <c>#!</c>, as a script
    /// file: see <see cref="ShebangScript"/>); any other heredoc use hands the shell the line
    /// followed by each body and its delimiter, so the shell reads them as here-documents.
    /// </summary>
    public CommandForm Script
    {
        get
        {
            if (Documents.Count == 0 || Command.IsExec)
            {
                return Command;
            }

            if (IsSingleHeredocCommand)
            {
                return CommandForm.Shell(Documents[0].Content);
            }

            var full = Command.Words[0];
            foreach (var doc in Documents)
            {
                full += "\n" + doc.Content + doc.Name;
            }

            return CommandForm.Shell(full);
        }
    }

    /// <summary>
    /// The body of <c>RUN &lt;&lt;EOF</c> when it starts with <c>#!</c>: the executor writes it
    /// to a file in the container and runs <see cref="ShebangCommand"/> instead of the body.
    /// </summary>
    public Heredoc? ShebangScript =>
        IsSingleHeredocCommand && HasShebang(Documents[0].Content) ? Documents[0] : null;

    /// <summary>
    /// What buildah runs (through the stage's shell) for a <see cref="ShebangScript"/> written
    /// to <paramref name="scriptPath"/>: the interpreter line, then the file.
    /// </summary>
    public CommandForm ShebangCommand(string scriptPath)
    {
        var first = (ShebangScript?.Content ?? "").TrimStart('\n').Split('\n')[0];
        var interpreter = first.TrimStart('#', '!').Trim();
        return CommandForm.Shell(interpreter.Length == 0 ? scriptPath : interpreter + " " + scriptPath);
    }

    private static bool HasShebang(string content) =>
        content.TrimStart('\n').StartsWith("#!", StringComparison.Ordinal);

    private bool IsSingleHeredocCommand =>
        !Command.IsExec && Documents.Count == 1 && HeredocMarker.IsOnlyMarker(Command.Words[0]);
}
