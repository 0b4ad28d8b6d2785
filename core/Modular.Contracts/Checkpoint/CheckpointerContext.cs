namespace Modular.Contracts.Checkpoint;

/// <summary>What the engine tells the checkpointer before a probe.</summary>
/// <param name="SearchPaths">
/// Executables to try before the plugin's own defaults (first usable wins); empty for none.
/// </param>
public sealed record CheckpointerContext(IReadOnlyList<string> SearchPaths);
