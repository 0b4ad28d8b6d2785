using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Engine.OciHooks;
using Modular.Hooks;

namespace Modular.Cli.Output;

/// <summary>
/// Rows and JSON of <c>hooks ls</c> and <c>hooks test</c>, Modular's own commands: JSON keys
/// inside <c>Hook</c> and <c>When</c> are spelled as in the hooks.d files they come from.
/// </summary>
public static class HookView
{
    public const string ListFormat =
        "table {{.Name}}\\t{{.Stages}}\\t{{.When}}\\t{{.Status}}\\t{{.File}}\\t{{.Error}}";

    public const string TestFormat = "table {{.Stage}}\\t{{.Name}}\\t{{.Path}}\\t{{.Args}}";

    public static readonly string[] ListFields =
        ["Name", "Stages", "When", "Status", "File", "Error", "Version", "Directory"];

    public static readonly string[] TestFields = ["Stage", "Name", "Path", "Args", "File"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Every file of the catalog: active hooks, then masked, skipped and invalid ones.</summary>
    public static List<JsonObject> ListRows(HookCatalog catalog) =>
    [
        .. catalog.Hooks.Select(hook => Entry(hook.FilePath, "active", "", hook)),
        .. catalog.Masked.Select(masked =>
            Entry(masked.FilePath, "masked", $"masked by {masked.MaskedBy}", null)),
        .. catalog.Errors.Select(error =>
            Entry(error.FilePath, error.Fatal ? "invalid" : "skipped", error.Message, null)),
    ];

    /// <summary>A table row of <see cref="ListRows"/> entry: lists flattened to text.</summary>
    public static JsonObject ListRow(JsonObject entry) => new()
    {
        ["Name"] = entry["Name"]!.GetValue<string>(),
        ["Stages"] = entry["Stages"] is JsonArray { Count: > 0 } stages
            ? string.Join(",", stages.Select(stage => stage!.GetValue<string>())) : "-",
        ["When"] = entry["WhenText"]!.GetValue<string>(),
        ["Status"] = entry["Status"]!.GetValue<string>(),
        ["File"] = entry["File"]!.GetValue<string>(),
        ["Error"] = entry["Error"]!.GetValue<string>(),
        ["Version"] = entry["Version"]!.GetValue<string>(),
        ["Directory"] = entry["Directory"]!.GetValue<string>(),
    };

    /// <summary>The JSON of an entry, without its table-only text.</summary>
    public static JsonObject ListJson(JsonObject entry)
    {
        var json = entry.DeepClone().AsObject();
        json.Remove("WhenText");
        return json;
    }

    public static JsonObject TestRow(HookMatch match) => new()
    {
        ["Stage"] = match.Stage,
        ["Name"] = match.Definition.Name,
        ["Path"] = match.Definition.Hook.Path,
        ["Args"] = string.Join(' ', match.Definition.Hook.Args),
        ["File"] = match.Definition.FilePath,
    };

    public static string TestJson(HookPreviewResult preview) => new JsonObject
    {
        ["Container"] = new JsonObject
        {
            ["Command"] = preview.Target.Command,
            ["Annotations"] = new JsonObject(preview.Target.Annotations
                .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
            ["HasBindMounts"] = preview.Target.HasBindMounts,
        },
        ["Hooks"] = new JsonArray([.. preview.Matches.Select(match => (JsonNode)new JsonObject
        {
            ["Stage"] = match.Stage,
            ["Name"] = match.Definition.Name,
            ["File"] = match.Definition.FilePath,
            ["Hook"] = match.Definition.Hook.ToJson(),
        })]),
    }.ToJsonString(Indented);

    public static string Array(IEnumerable<JsonObject> items) =>
        new JsonArray([.. items]).ToJsonString(Indented);

    private static JsonObject Entry(
        string file,
        string status,
        string error,
        HookDefinition? hook) => new()
    {
        ["Name"] = Path.GetFileName(file),
        ["File"] = file,
        ["Directory"] = Path.GetDirectoryName(file) ?? "",
        ["Status"] = status,
        ["Error"] = error,
        ["Version"] = hook?.Version ?? "",
        ["Stages"] = new JsonArray([.. (hook?.Stages ?? []).Select(stage => (JsonNode)stage)]),
        ["When"] = hook is null ? null : WhenJson(hook.When),
        ["Hook"] = hook?.Hook.ToJson(),
        ["WhenText"] = hook is null ? "-" : HookWhenText.Describe(hook.When),
    };

    private static JsonObject WhenJson(HookWhen when)
    {
        var json = new JsonObject();
        if (when.Always is { } always)
        {
            json["always"] = always;
        }

        if (when.Annotations.Count > 0)
        {
            json["annotations"] = new JsonObject(when.Annotations
                .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
        }

        if (when.Commands.Count > 0)
        {
            json["commands"] = new JsonArray([.. when.Commands.Select(command => (JsonNode)command)]);
        }

        if (when.HasBindMounts is { } binds)
        {
            json["hasBindMounts"] = binds;
        }

        json["anyOf"] = when.Or;
        return json;
    }
}
