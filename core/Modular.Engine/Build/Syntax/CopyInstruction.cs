namespace Modular.Engine.Build.Syntax;

/// <summary><c>COPY [--from] [--chown] [--chmod] [--link] [--parents] [--exclude] src... dest</c>.</summary>
public sealed record CopyInstruction(
    string Original,
    int Line,
    IReadOnlyList<string> Sources,
    string Destination,
    FileTransferOptions Options,
    IReadOnlyList<Heredoc> Documents)
    : FileInstruction("COPY", Original, Line, Sources, Destination, Options, Documents);
