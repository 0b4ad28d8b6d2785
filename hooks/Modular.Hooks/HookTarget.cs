namespace Modular.Hooks;

/// <summary>What a hook's <c>when</c> is matched against, taken from a container.</summary>
/// <param name="Command">process.args[0] of the container, as the spec has it.</param>
/// <param name="Annotations">The container's annotations.</param>
/// <param name="HasBindMounts">Whether the user asked for host-to-container bind mounts.</param>
public sealed record HookTarget(
    string Command,
    IReadOnlyDictionary<string, string> Annotations,
    bool HasBindMounts);
