using System.Text.Json.Nodes;

namespace Modular.EndToEnd.Hooks;

/// <summary>
/// hooks.d folders, hook scripts and their output for one test, under the fixture's own
/// directory (removed with it). Hook scripts run with an empty environment, so they name
/// every program by its full path.
/// </summary>
internal sealed class HookFolder
{
    public HookFolder(string fixtureDirectory)
    {
        Root = Path.Combine(fixtureDirectory, "work", "hooks-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Output);
    }

    public string Root { get; }

    /// <summary>Where the scripts write: one file per stage or event.</summary>
    public string Output => Path.Combine(Root, "out");

    /// <summary>A hooks.d folder named <paramref name="name"/>, created empty.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public string WriteHook(string folder, string fileName, string json)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A 1.0.0 file: <paramref name="when"/> is the JSON of its <c>when</c> object.</summary>
    public string WriteCurrent(
        string folder,
        string fileName,
        string program,
        string[] args,
        string when,
        params string[] stages)
    {
        var json = new JsonObject
        {
            ["version"] = "1.0.0",
            ["hook"] = new JsonObject
            {
                ["path"] = program,
                ["args"] = new JsonArray([.. args.Select(arg => (JsonNode)arg)]),
            },
            ["when"] = JsonNode.Parse(when),
            ["stages"] = new JsonArray([.. stages.Select(stage => (JsonNode)stage)]),
        };
        return WriteHook(folder, fileName, json.ToJsonString());
    }

    /// <summary>A script saving its stdin (the state JSON) as out/NAME.json, NAME its first argument.</summary>
    public string StateSaver()
    {
        return Script("save-state", $"#!/bin/sh\n/bin/cat > {Output}/\"$1\".json\n");
    }

    public string Script(string name, string body)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    /// <summary>The state a hook saved as out/NAME.json, or null when it never ran.</summary>
    public JsonObject? State(string name)
    {
        var path = Path.Combine(Output, name + ".json");
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;
    }
}
