namespace Modular.Engine.Build.Syntax;

/// <summary><c>MAINTAINER name</c> (deprecated): sets the image's Author; not expanded.</summary>
public sealed record MaintainerInstruction(string Original, int Line, string Maintainer)
    : Instruction("MAINTAINER", Original, Line);
