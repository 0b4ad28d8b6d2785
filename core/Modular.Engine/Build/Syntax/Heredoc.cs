namespace Modular.Engine.Build.Syntax;

/// <summary>
/// A here-document: <c>&lt;&lt;NAME</c> or <c>&lt;&lt;-NAME</c> (<see cref="Chomp"/>: leading tabs
/// stripped from each line of <see cref="Content"/> already). <see cref="Expand"/> is false
/// when the delimiter was quoted, so a COPY of it keeps <c>$VAR</c> literally. Content ends
/// with a newline per line, as buildkit stores it.
/// </summary>
public sealed record Heredoc(string Name, string Content, bool Expand, bool Chomp)
{
    /// <summary>The first line of the trimmed content, with "..." if more lines follow.</summary>
    public string Summary
    {
        get
        {
            var lines = Content.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            return lines.Length > 1 ? lines[0] + "..." : lines[0];
        }
    }
}
