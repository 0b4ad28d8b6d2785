namespace Modular.Engine.Build.Syntax;

/// <summary>
/// One instruction as written. <see cref="Original"/> is the logical line with continuations
/// joined and without heredoc bodies, exactly what buildah prints after <c>STEP n/m: </c>;
/// <see cref="StepText"/> adds buildah's heredoc summaries. <see cref="Line"/> is 1-based,
/// the line where the instruction starts. <see cref="Keyword"/> is upper case.
/// </summary>
public abstract record Instruction(string Keyword, string Original, int Line)
{
    /// <summary>Heredoc bodies attached to this instruction (RUN, COPY, ADD), in order.</summary>
    public virtual IReadOnlyList<Heredoc> Heredocs => [];

    /// <summary>
    /// The text of the step line: <see cref="Original"/> followed, per heredoc, by
    /// <c> (first line...)</c>, as buildah logs it.
    /// </summary>
    public string StepText => Heredocs.Count == 0
        ? Original
        : Original + string.Concat(Heredocs.Select(h => " (" + h.Summary + ")"));
}
