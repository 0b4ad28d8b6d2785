namespace Modular.Engine.Build.Syntax;

/// <summary><c>ENTRYPOINT</c> in exec or shell form; never expanded at build level.</summary>
public sealed record EntrypointInstruction(string Original, int Line, CommandForm Command)
    : Instruction("ENTRYPOINT", Original, Line);
