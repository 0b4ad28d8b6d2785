namespace Modular.Engine.Build.Syntax;

/// <summary>
/// <c>EXPOSE 80 443/tcp 53/udp 8000-8002</c>, words as written; the scope expands them and
/// <see cref="ExposedPort.Parse"/> turns each into <c>port/proto</c> keys.
/// </summary>
public sealed record ExposeInstruction(string Original, int Line, IReadOnlyList<string> Ports)
    : Instruction("EXPOSE", Original, Line);
