namespace Modular.Engine.Build.Syntax;

/// <summary>
/// A parsed Containerfile: its parser directives, the ARGs declared before the first FROM
/// (global, visible in FROM lines) and its stages in file order. Words are kept as written;
/// <see cref="StageScope"/> expands them while the executor walks a stage.
/// </summary>
public sealed record Containerfile(
    ParserDirectives Directives,
    IReadOnlyList<ArgInstruction> GlobalArgs,
    IReadOnlyList<BuildStage> Stages)
{
    /// <summary>The stage named <paramref name="nameOrIndex"/> (case-insensitive) or at that index.</summary>
    public BuildStage? FindStage(string nameOrIndex)
    {
        var named = Stages.LastOrDefault(s =>
            s.Name is not null && string.Equals(s.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            return named;
        }

        return int.TryParse(nameOrIndex, out var index) && index >= 0 && index < Stages.Count
            ? Stages[index]
            : null;
    }
}
