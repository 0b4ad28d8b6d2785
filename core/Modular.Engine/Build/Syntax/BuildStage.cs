namespace Modular.Engine.Build.Syntax;

/// <summary>
/// One FROM and the instructions up to the next FROM. <see cref="Index"/> counts stages from 0,
/// as <c>COPY --from=0</c> does. The FROM itself is not in <see cref="Instructions"/>; the
/// number of steps Podman prints (<c>STEP n/m</c>) is <c>Instructions.Count + 1</c>.
/// </summary>
public sealed record BuildStage(int Index, FromInstruction From, IReadOnlyList<Instruction> Instructions)
{
    /// <summary>The <c>AS name</c>, lower-cased as buildah compares it, or null.</summary>
    public string? Name => From.StageName;

    public int StepCount => Instructions.Count + 1;
}
