using Modular.Engine.Build.Syntax;

namespace Modular.Engine.Build;

/// <summary>Which stages a target needs: its FROM stage, COPY --from and RUN --mount from, transitively.</summary>
internal static class StageGraph
{
    public static HashSet<int> Needed(Containerfile file, BuildStage target)
    {
        var needed = new HashSet<int>();
        var pending = new Stack<BuildStage>([target]);
        while (pending.TryPop(out var stage))
        {
            if (!needed.Add(stage.Index))
            {
                continue;
            }

            foreach (var reference in References(stage))
            {
                if (reference.Contains('$'))
                {
                    // Expanded only while building: every earlier stage may be the one.
                    file.Stages.Take(stage.Index).ToList().ForEach(pending.Push);
                    continue;
                }

                if (file.FindStage(reference) is { } used && used.Index < stage.Index)
                {
                    pending.Push(used);
                }
            }
        }

        return needed;
    }

    private static IEnumerable<string> References(BuildStage stage)
    {
        yield return stage.From.Image;
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is FileInstruction { Options.From: { } from })
            {
                yield return from;
            }

            if (instruction is RunInstruction run)
            {
                foreach (var mount in run.Mounts.Where(m => m.From is not null))
                {
                    yield return mount.From!;
                }
            }
        }
    }
}
