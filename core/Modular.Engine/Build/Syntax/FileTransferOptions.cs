namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The flags of COPY and ADD as written (expand <see cref="Chown"/> and <see cref="From"/>
/// with the scope). <see cref="KeepGitDir"/> and <see cref="Checksum"/> are ADD only.
/// </summary>
public sealed record FileTransferOptions
{
    public static FileTransferOptions None { get; } = new();

    public string? From { get; init; }

    public string? Chown { get; init; }

    public string? Chmod { get; init; }

    public bool Link { get; init; }

    public bool Parents { get; init; }

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public bool KeepGitDir { get; init; }

    public string? Checksum { get; init; }
}
