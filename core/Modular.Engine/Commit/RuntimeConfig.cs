using System.Text.Json.Nodes;

namespace Modular.Engine.Commit;

/// <summary>
/// Edits the <c>config</c> object of an image config in place, the way buildah's builder
/// does: ENV replaces a variable by name, LABEL, EXPOSE and VOLUME add keys, the others
/// replace the value. Null values leave a key out, as the OCI encoding omits empty ones.
/// </summary>
public static class RuntimeConfig
{
    /// <summary>The keys an OCI image config may carry; Docker's extra ones are dropped for OCI.</summary>
    private static readonly HashSet<string> OciKeys =
    [
        "User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels",
        "StopSignal", "ArgsEscaped",
    ];

    public static void SetEnv(JsonObject config, string name, string value)
    {
        var env = Section(config, "Env", () => new JsonArray());
        var entry = $"{name}={value}";
        var at = env.Select((e, i) => (e, i)).FirstOrDefault(x => Name(x.e) == name);
        if (at.e is not null)
        {
            env[at.i] = entry;
        }
        else
        {
            env.Add(entry);
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> Env(JsonObject config) =>
        (config["Env"] as JsonArray ?? []).Select(e => e?.GetValue<string>() ?? "")
            .Select(e => e.Split('=', 2))
            .Select(p => KeyValuePair.Create(p[0], p.Length > 1 ? p[1] : ""));

    public static void AddKey(JsonObject config, string section, string key)
    {
        Section(config, section, () => new JsonObject())[key] = new JsonObject();
    }

    public static void SetLabel(JsonObject config, string key, string value)
    {
        Section(config, "Labels", () => new JsonObject())[key] = value;
    }

    public static void SetList(JsonObject config, string key, IEnumerable<string>? values)
    {
        if (values is null)
        {
            config.Remove(key);
            return;
        }

        config[key] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
    }

    public static void SetString(JsonObject config, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            config.Remove(key);
            return;
        }

        config[key] = value;
    }

    public static List<string>? List(JsonObject config, string key) =>
        (config[key] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").ToList();

    /// <summary>
    /// Merges <c>--change</c> results (<see cref="Images.Transports.ConfigChanges.Apply"/>)
    /// into <paramref name="config"/>: ENV by name, LABEL/EXPOSE/VOLUME keys added.
    /// </summary>
    public static void Merge(JsonObject config, JsonObject changes)
    {
        foreach (var (key, value) in changes.ToList())
        {
            switch (key)
            {
                case "Env":
                    foreach (var (name, text) in Env(changes))
                    {
                        SetEnv(config, name, text);
                    }

                    break;
                case "Labels":
                    foreach (var (label, text) in (JsonObject)value!)
                    {
                        SetLabel(config, label, text?.GetValue<string>() ?? "");
                    }

                    break;
                case "ExposedPorts" or "Volumes":
                    foreach (var (name, _) in (JsonObject)value!)
                    {
                        AddKey(config, key, name);
                    }

                    break;
                default:
                    config[key] = value?.DeepClone();
                    break;
            }
        }
    }

    /// <summary>The config as the chosen format stores it: OCI drops Docker's extra keys.</summary>
    public static JsonObject ForFormat(JsonObject config, bool docker)
    {
        var copy = (JsonObject)config.DeepClone();
        if (!docker)
        {
            foreach (var key in copy.Select(p => p.Key).Where(k => !OciKeys.Contains(k)).ToList())
            {
                copy.Remove(key);
            }
        }

        return copy;
    }

    private static T Section<T>(JsonObject config, string key, Func<T> create)
        where T : JsonNode
    {
        if (config[key] is T existing)
        {
            return existing;
        }

        var created = create();
        config[key] = created;
        return created;
    }

    private static string Name(JsonNode? entry) => (entry?.GetValue<string>() ?? "").Split('=', 2)[0];
}
