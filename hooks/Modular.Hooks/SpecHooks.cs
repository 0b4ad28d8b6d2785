using System.Text.Json.Nodes;

namespace Modular.Hooks;

/// <summary>Puts matched hooks into a spec's <c>hooks</c> object, after any already there.</summary>
public static class SpecHooks
{
    /// <summary>Adds each runtime-stage match to <paramref name="spec"/>, keeping their order.</summary>
    public static void Apply(JsonObject spec, IEnumerable<HookMatch> matches)
    {
        foreach (var match in matches.Where(match => match.Stage != HookStages.Precreate))
        {
            if (spec["hooks"] is not JsonObject hooks)
            {
                hooks = new JsonObject();
                spec["hooks"] = hooks;
            }

            if (hooks[match.Stage] is not JsonArray stage)
            {
                stage = [];
                hooks[match.Stage] = stage;
            }

            stage.Add(match.Definition.Hook.ToJson());
        }
    }
}
