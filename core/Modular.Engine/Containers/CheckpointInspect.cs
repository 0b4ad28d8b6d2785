using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>Adds a container's checkpoint keys to inspect's State, as Podman (omitempty ones only when set).</summary>
internal static class CheckpointInspect
{
    public static JsonObject WithCheckpointState(this JsonObject state, CheckpointState? checkpoint)
    {
        if (checkpoint is null)
        {
            return state;
        }

        state["CheckpointedAt"] = GoTime.Format(checkpoint.CheckpointedAt);
        state["RestoredAt"] = GoTime.Format(checkpoint.RestoredAt);
        AddIf(state, "Checkpointed", checkpoint.Checkpointed);
        AddIf(state, "CheckpointPath", checkpoint.CheckpointPath);
        AddIf(state, "CheckpointLog", checkpoint.CheckpointLog);
        AddIf(state, "RestoreLog", checkpoint.RestoreLog);
        AddIf(state, "Restored", checkpoint.Restored);
        return state;
    }

    private static void AddIf(JsonObject state, string key, bool value)
    {
        if (value)
        {
            state[key] = true;
        }
    }

    private static void AddIf(JsonObject state, string key, string value)
    {
        if (value.Length > 0)
        {
            state[key] = value;
        }
    }
}
