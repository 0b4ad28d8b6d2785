namespace Modular.Cli.Templates;

/// <summary>One lexical item with its offset in the template, for error positions.</summary>
public sealed record Token(TokenKind Kind, string Value, int Position);
