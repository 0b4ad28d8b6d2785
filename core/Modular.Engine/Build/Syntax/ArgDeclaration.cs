namespace Modular.Engine.Build.Syntax;

/// <summary>One name of ARG, with its default as written (null for a bare <c>ARG NAME</c>).</summary>
public sealed record ArgDeclaration(string Name, string? Default);
