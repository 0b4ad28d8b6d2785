namespace Modular.Hooks;

/// <summary>A hook that fires for a container at one stage.</summary>
public sealed record HookMatch(string Stage, HookDefinition Definition);
