namespace Modular.Engine.Build.Syntax;

/// <summary>
/// The <c># syntax=</c>, <c># escape=</c> and <c># check=</c> comments that may open a
/// Containerfile. <see cref="Escape"/> is <c>\</c> unless the file chose <c>`</c>.
/// </summary>
public sealed record ParserDirectives(string? Syntax = null, char Escape = '\\', string? Check = null)
{
    public static ParserDirectives Default { get; } = new();
}
