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
    /// to an executable file and runs that file directly, without the shell.
    /// </summary>
    public Heredoc? ShebangScript =>
        IsSingleHeredocCommand && Documents[0].Content.StartsWith("#!", StringComparison.Ordinal)
            ? Documents[0]
            : null;

    private bool IsSingleHeredocCommand =>
        !Command.IsExec && Documents.Count == 1 && HeredocMarker.IsOnlyMarker(Command.Words[0]);
}
