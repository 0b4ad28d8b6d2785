namespace Modular.Engine.Build.Syntax;

/// <summary><c>SHELL ["executable", "param"...]</c>: JSON form only, never expanded.</summary>
public sealed record ShellInstruction(string Original, int Line, IReadOnlyList<string> Shell)
    : Instruction("SHELL", Original, Line);
