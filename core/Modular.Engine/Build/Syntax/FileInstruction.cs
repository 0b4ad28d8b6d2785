namespace Modular.Engine.Build.Syntax;

/// <summary>
/// COPY or ADD: sources and destination as written (shell form splits on whitespace, JSON
/// form keeps spaces). A source that names a heredoc (<c>COPY &lt;&lt;EOF /dst</c>) is a file
/// whose content is the heredoc of that name in <see cref="Documents"/>.
/// </summary>
public abstract record FileInstruction(
    string Keyword,
    string Original,
    int Line,
    IReadOnlyList<string> Sources,
    string Destination,
    FileTransferOptions Options,
    IReadOnlyList<Heredoc> Documents)
    : Instruction(Keyword, Original, Line)
{
    public override IReadOnlyList<Heredoc> Heredocs => Documents;

    /// <summary>The heredoc a source word stands for, or null for a path or URL.</summary>
    public Heredoc? HeredocFor(string source)
    {
        var name = HeredocMarker.Name(source);
        return name is null ? null : Documents.FirstOrDefault(d => d.Name == name);
    }
}
