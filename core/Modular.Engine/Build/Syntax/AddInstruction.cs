namespace Modular.Engine.Build.Syntax;

/// <summary>
/// <c>ADD [--chown] [--chmod] [--link] [--keep-git-dir] [--checksum] [--exclude] src... dest</c>:
/// COPY plus URLs, git sources and extraction of local archives.
/// </summary>
public sealed record AddInstruction(
    string Original,
    int Line,
    IReadOnlyList<string> Sources,
    string Destination,
    FileTransferOptions Options,
    IReadOnlyList<Heredoc> Documents)
    : FileInstruction("ADD", Original, Line, Sources, Destination, Options, Documents);
