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
    /// <summary>
    /// The stage named <paramref name="nameOrIndex"/> (case-insensitive) or at that index,
    /// among the stages before <paramref name="before"/> (all when null): a later stage of
    /// the same name replaces an earlier one, as buildah records built stages by name.
    /// </summary>
    public BuildStage? FindStage(string nameOrIndex, int? before = null)
    {
        var candidates = Stages.Take(before ?? Stages.Count).ToList();
        var named = candidates.LastOrDefault(s =>
            s.Name is not null && string.Equals(s.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            return named;
        }

        return int.TryParse(nameOrIndex, out var index) && index >= 0 && index < candidates.Count
            ? candidates[index]
            : null;
    }
}
