namespace Modular.Engine.Build.Syntax;

/// <summary>
/// <c>ENV k=v k2=v2</c> or the legacy <c>ENV k rest of line</c>; expanded and unquoted by the
/// scope, each pair seeing the ones before it only from earlier instructions (as buildkit).
/// </summary>
public sealed record EnvInstruction(string Original, int Line, IReadOnlyList<KeyValueWord> Variables)
    : Instruction("ENV", Original, Line);
