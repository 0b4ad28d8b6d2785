using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Remote.Connections;

/// <summary>
/// Podman's podman-connections.json: <c>{"Connection":{"Default":..,"Connections":{..}},
/// "Farm":{..}}</c>. Kept as a JSON tree so the parts modpod does not manage (farms, keys
/// a newer Podman adds) survive an edit.
/// </summary>
public sealed class ConnectionsFile
{
    private const string FileName = "podman-connections.json";

    private readonly JsonObject _root;

    private ConnectionsFile(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    public string Default
    {
        get => Section["Default"]?.GetValue<string>() ?? "";
        set => Section["Default"] = value.Length == 0 ? null : value;
    }

    /// <summary>The named destinations, in file order.</summary>
    public IReadOnlyDictionary<string, Destination> Destinations =>
        (Section["Connections"] as JsonObject ?? [])
            .Where(pair => pair.Value is JsonObject)
            .ToDictionary(pair => pair.Key, pair => ToDestination((JsonObject)pair.Value!));

    private JsonObject Section
    {
        get
        {
            if (_root["Connection"] is not JsonObject section)
            {
                section = [];
                _root["Connection"] = section;
            }

            return section;
        }
    }

    /// <summary>
    /// PODMAN_CONNECTIONS_CONF when set, else $XDG_CONFIG_HOME/containers or
    /// $HOME/.config/containers, as containers/common looks for it.
    /// </summary>
    public static string DefaultPath()
    {
        var chosen = Environment.GetEnvironmentVariable("PODMAN_CONNECTIONS_CONF");
        if (chosen is not null)
        {
            return chosen;
        }

        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
        {
            var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
            config = System.IO.Path.Combine(home, ".config");
        }

        return System.IO.Path.Combine(config, "containers", FileName);
    }

    public static ConnectionsFile Read(string path)
    {
        if (!File.Exists(path))
        {
            return new ConnectionsFile(path, []);
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [];
            return new ConnectionsFile(path, root);
        }
        catch (JsonException e)
        {
            throw new Contracts.Errors.InvalidInputException($"parse \"{path}\": {e.Message}", e);
        }
    }

    public void Set(string name, Destination destination)
    {
        if (Section["Connections"] is not JsonObject connections)
        {
            connections = [];
            Section["Connections"] = connections;
        }

        connections[name] = ToJson(destination);
    }

    public bool Remove(string name) =>
        Section["Connections"] is JsonObject connections && connections.Remove(name);

    public void RemoveAll() => Section.Remove("Connections");

    /// <summary>Writes through a temporary file and a rename, so readers never see half a file.</summary>
    public void Write()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp" + Environment.ProcessId;
        File.WriteAllText(temporary, _root.ToJsonString() + "\n");
        File.Move(temporary, Path, overwrite: true);
    }

    private static Destination ToDestination(JsonObject json) => new(
        Text(json, "URI") ?? "",
        Text(json, "Identity"),
        Text(json, "TLSCert"),
        Text(json, "TLSKey"),
        Text(json, "TLSCA"),
        json["IsMachine"] is JsonValue machine && machine.TryGetValue<bool>(out var isMachine) && isMachine);

    private static JsonObject ToJson(Destination destination)
    {
        var json = new JsonObject { ["URI"] = destination.URI };
        Optional(json, "Identity", destination.Identity);
        Optional(json, "TLSCert", destination.TLSCert);
        Optional(json, "TLSKey", destination.TLSKey);
        Optional(json, "TLSCA", destination.TLSCA);
        if (destination.IsMachine)
        {
            json["IsMachine"] = true;
        }

        return json;
    }

    private static void Optional(JsonObject json, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[key] = value;
        }
    }

    private static string? Text(JsonObject json, string key) =>
        json[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
