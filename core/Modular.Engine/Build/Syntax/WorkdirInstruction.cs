namespace Modular.Engine.Build.Syntax;

/// <summary><c>WORKDIR path</c>; expanded by the scope, relative to the previous WORKDIR.</summary>
public sealed record WorkdirInstruction(string Original, int Line, string Path)
    : Instruction("WORKDIR", Original, Line);
