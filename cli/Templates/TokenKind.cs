namespace Modular.Cli.Templates;

/// <summary>Kinds of lexical items inside a template action.</summary>
public enum TokenKind
{
    Text,
    LeftDelim,
    RightDelim,
    Field,
    Dot,
    Variable,
    Identifier,
    String,
    Number,
    Pipe,
    LeftParen,
    RightParen,
    Declare,
    Assign,
    Comma,
    Eof,
}
