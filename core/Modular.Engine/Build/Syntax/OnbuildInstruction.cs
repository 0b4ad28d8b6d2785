namespace Modular.Engine.Build.Syntax;

/// <summary>
/// <c>ONBUILD INSTRUCTION ...</c>. <see cref="Trigger"/> is the wrapped instruction's text as
/// it goes into the image config's OnBuild list; <see cref="Inner"/> is it parsed.
/// </summary>
public sealed record OnbuildInstruction(string Original, int Line, string Trigger, Instruction Inner)
    : Instruction("ONBUILD", Original, Line);
