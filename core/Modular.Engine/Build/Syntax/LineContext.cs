namespace Modular.Engine.Build.Syntax;

/// <summary>A logical line being parsed: its keyword, text after the keyword, and escape.</summary>
internal sealed class LineContext(LogicalLine line, string keyword, char escape)
{
    public string Keyword { get; } = keyword;

    public LogicalLine Source => line;

    public int Line => line.Line;

    public string Original => line.Text;

    public char Escape => escape;

    public IReadOnlyList<Heredoc> Heredocs => line.Heredocs;

    public string Rest { get; } = InstructionText.Rest(line.Text);

    /// <summary>The flags the instruction accepts; any other leading --flag is an error.</summary>
    public InstructionFlags Flags(IReadOnlySet<string> allowed) =>
        InstructionFlags.Parse(Line, Rest, escape, allowed);

    /// <summary>The text after the keyword for an instruction that takes no flags.</summary>
    public string Plain() => Flags(new HashSet<string>()).Remaining;
}
