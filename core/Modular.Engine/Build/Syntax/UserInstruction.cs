namespace Modular.Engine.Build.Syntax;

/// <summary><c>USER name[:group]</c> or ids; expanded by the scope.</summary>
public sealed record UserInstruction(string Original, int Line, string User)
    : Instruction("USER", Original, Line);
