namespace Modular.Engine.Build.Syntax;

/// <summary><c>CMD</c> in exec or shell form; never expanded at build level.</summary>
public sealed record CmdInstruction(string Original, int Line, CommandForm Command)
    : Instruction("CMD", Original, Line);
