using System.Text.Json.Nodes;

namespace Modular.Hooks;

/// <summary>One hook entry in the OCI runtime spec's shape (config.md, POSIX-platform hooks).</summary>
/// <param name="Path">Absolute path of the program on the host.</param>
/// <param name="Args">Its argv, argv[0] included; empty runs it with argv[0] = path.</param>
/// <param name="Env">Its whole environment, NAME=VALUE; nothing is inherited.</param>
/// <param name="Timeout">Seconds before it is killed, or null for no limit.</param>
public sealed record OciHook(
    string Path,
    IReadOnlyList<string> Args,
    IReadOnlyList<string> Env,
    int? Timeout)
{
    /// <summary>The entry as config.json holds it; empty keys are left out as runc writes them.</summary>
    public JsonObject ToJson()
    {
        var entry = new JsonObject { ["path"] = Path };
        if (Args.Count > 0)
        {
            entry["args"] = Strings(Args);
        }

        if (Env.Count > 0)
        {
            entry["env"] = Strings(Env);
        }

        if (Timeout is { } seconds)
        {
            entry["timeout"] = seconds;
        }

        return entry;
    }

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray());
}
