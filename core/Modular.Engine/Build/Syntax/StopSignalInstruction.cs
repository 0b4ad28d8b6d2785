namespace Modular.Engine.Build.Syntax;

/// <summary><c>STOPSIGNAL SIGTERM</c> or a number; expanded by the scope.</summary>
public sealed record StopSignalInstruction(string Original, int Line, string Signal)
    : Instruction("STOPSIGNAL", Original, Line);
