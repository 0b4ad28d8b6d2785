namespace Modular.Engine.Build.Syntax;

/// <summary>An instruction's text with continuations joined, its first line and its heredocs.</summary>
internal sealed record LogicalLine(int Line, string Text, IReadOnlyList<Heredoc> Heredocs);
