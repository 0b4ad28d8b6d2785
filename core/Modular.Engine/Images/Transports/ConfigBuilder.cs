using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Engine.Images.Transports;

/// <summary>The runtime config that <see cref="ConfigChanges"/> builds, written in the OCI key order.</summary>
internal sealed class ConfigBuilder
{
    private readonly SortedSet<string> _ports = new(StringComparer.Ordinal);
    private readonly List<string> _env = [];
    private readonly SortedSet<string> _volumes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly List<string> _onBuild = [];
    private string? _user;
    private List<string>? _entrypoint;
    private List<string>? _cmd;
    private string? _workdir;
    private string? _stopSignal;

    public void Apply(string change, string key, string value)
    {
        switch (key)
        {
            case "USER": _user = Required(change, value, "must provide a value to USER"); break;
            case "EXPOSE": _ports.Add(Port(change, value)); break;
            case "ENV": _env.Add(Env(change, value)); break;
            case "ENTRYPOINT": _entrypoint = ConfigChanges.JsonList(value) ?? (value.Length > 0 ? ["/bin/sh", "-c", value] : []); break;
            case "CMD": _cmd = ConfigChanges.JsonList(value) ?? (value.Length > 0 ? ["/bin/sh", "-c", value] : ["/bin/sh", "-c"]); break;
            case "VOLUME": Volumes(change, value); break;
            case "WORKDIR": _workdir = Workdir(change, value); break;
            case "LABEL": Label(change, value); break;
            case "STOPSIGNAL": _stopSignal = ConfigChanges.StopSignal(change, value); break;
            case "ONBUILD": _onBuild.Add(Required(change, value, "ONBUILD must be given an argument")); break;
            default: throw ConfigChanges.Invalid(change, $"invalid instruction {key}");
        }
    }

    public JsonObject ToJson()
    {
        var config = new JsonObject();
        Put(config, "User", _user);
        Put(config, "ExposedPorts", _ports.Count == 0 ? null : Set(_ports));
        Put(config, "Env", _env.Count == 0 ? null : Array(_env));
        Put(config, "Entrypoint", _entrypoint is null ? null : Array(_entrypoint));
        Put(config, "Cmd", _cmd is null ? null : Array(_cmd));
        Put(config, "Volumes", _volumes.Count == 0 ? null : Set(_volumes));
        Put(config, "WorkingDir", _workdir);
        Put(config, "Labels", _labels.Count == 0 ? null : new JsonObject(
            _labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))));
        Put(config, "StopSignal", _stopSignal);
        Put(config, "OnBuild", _onBuild.Count == 0 ? null : Array(_onBuild));
        return config;
    }

    private static void Put(JsonObject config, string key, JsonNode? value)
    {
        if (value is not null)
        {
            config[key] = value;
        }
    }

    private static void Put(JsonObject config, string key, string? value)
    {
        if (value is not null)
        {
            config[key] = value;
        }
    }

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    private static JsonObject Set(IEnumerable<string> keys) =>
        new(keys.Select(k => KeyValuePair.Create(k, (JsonNode?)new JsonObject())));

    private static string Required(string change, string value, string reason) =>
        value.Length > 0 ? value : throw ConfigChanges.Invalid(change, reason);

    private static string Port(string change, string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            throw ConfigChanges.Invalid(change, "EXPOSE port must be formatted as PORT[/PROTO]");
        }

        if (!int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
        {
            throw ConfigChanges.Invalid(
                change, $"EXPOSE port must be an integer: strconv.Atoi: parsing \"{parts[0]}\": invalid syntax");
        }

        if (port is <= 0 or > 65535)
        {
            throw ConfigChanges.Invalid(change, "EXPOSE port must be a valid port number");
        }

        var protocol = parts.Length > 1 ? parts[1].ToLowerInvariant() : "tcp";
        return protocol is "tcp" or "udp"
            ? $"{port}/{protocol}"
            : throw ConfigChanges.Invalid(change, "EXPOSE protocol must be TCP or UDP");
    }

    private static string Env(string change, string value)
    {
        var at = value.IndexOf('=');
        var key = ConfigChanges.Unquote(at < 0 ? value : value[..at]);
        if (key.Length == 0 || (at == 0))
        {
            throw ConfigChanges.Invalid(change, "ENV must have at least one argument");
        }

        var val = at < 0 ? "" : ConfigChanges.Unquote(value[(at + 1)..]);
        return $"{key}={val}";
    }

    private void Volumes(string change, string value)
    {
        var paths = ConfigChanges.JsonList(value) ?? [.. value.Split(' ')];
        if (paths.Count == 0)
        {
            throw ConfigChanges.Invalid(change, "must provide at least one argument to VOLUME");
        }

        foreach (var path in paths)
        {
            _volumes.Add(path.Length > 0 ? path : throw ConfigChanges.Invalid(change, "VOLUME paths must not be empty"));
        }
    }

    private string Workdir(string change, string value)
    {
        Required(change, value, "must provide a non-empty WORKDIR");
        return value.StartsWith('/') || _workdir is null ? Clean(value) : Clean(_workdir + "/" + value);
    }

    private static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return path.StartsWith('/') ? "/" + joined : (joined.Length == 0 ? "." : joined);
    }

    private void Label(string change, string value)
    {
        var at = value.IndexOf('=');
        if (at < 0)
        {
            throw ConfigChanges.Invalid(change, "LABEL must be formatted key=value");
        }

        var key = ConfigChanges.Unquote(value[..at]);
        if (key.Length == 0)
        {
            throw ConfigChanges.Invalid(change, "LABEL must have a non-empty key");
        }

        _labels[key] = ConfigChanges.Unquote(value[(at + 1)..]);
    }
}
