namespace Modular.Engine.Build.Syntax;

/// <summary><c>LABEL k=v k2="v 2"</c>; keys and values expanded and unquoted by the scope.</summary>
public sealed record LabelInstruction(string Original, int Line, IReadOnlyList<KeyValueWord> Labels)
    : Instruction("LABEL", Original, Line);
