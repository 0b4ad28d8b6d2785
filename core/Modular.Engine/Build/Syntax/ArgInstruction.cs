namespace Modular.Engine.Build.Syntax;

/// <summary><c>ARG NAME[=default] [NAME2[=default]...]</c>; defaults expanded by the scope.</summary>
public sealed record ArgInstruction(string Original, int Line, IReadOnlyList<ArgDeclaration> Arguments)
    : Instruction("ARG", Original, Line);
