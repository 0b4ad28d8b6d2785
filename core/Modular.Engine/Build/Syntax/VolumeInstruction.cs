namespace Modular.Engine.Build.Syntax;

/// <summary><c>VOLUME /a /b</c> or <c>VOLUME ["/a"]</c>; paths expanded by the scope.</summary>
public sealed record VolumeInstruction(string Original, int Line, IReadOnlyList<string> Paths)
    : Instruction("VOLUME", Original, Line);
