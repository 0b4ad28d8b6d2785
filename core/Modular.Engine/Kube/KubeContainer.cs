using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Kube;

/// <summary>
/// One container as a Kubernetes v1.Container, from its inspect object and its image's
/// config: only what the user set is written (no image command, environment or working
/// directory repeated), as Podman's generator does.
/// </summary>
internal sealed class KubeContainer(
    JsonObject inspect,
    JsonObject? imageConfig,
    IReadOnlyList<string> defaultCaps)
{
    // Podman's default stop timeout; another one becomes terminationGracePeriodSeconds.
    private const int DefaultStopTimeout = 10;

    private static readonly HashSet<string> DefaultEnv = new(StringComparer.Ordinal)
    {
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "container=podman",
        "TERM=xterm",
    };

    public string Name => KubeNames.Clean(Text(inspect["Name"]));

    public string Id => Text(inspect["Id"]);

    public string Hostname => Text(Config["Hostname"]);

    public string RestartPolicy => Text(HostConfig["RestartPolicy"]?["Name"]);

    public int? StopTimeout => Number(Config["StopTimeout"]) is { } t && t != DefaultStopTimeout ? (int)t : null;

    public bool HostNetwork => Text(HostConfig["NetworkMode"]) == "host";

    private JsonObject Config => inspect["Config"] as JsonObject ?? [];

    private JsonObject HostConfig => inspect["HostConfig"] as JsonObject ?? [];

    /// <summary>The v1.Container and the pod volumes its mounts need.</summary>
    public (JsonObject Container, IReadOnlyList<JsonObject> Volumes) Build(bool forService)
    {
        if (Text(inspect["Rootfs"]).Length > 0)
        {
            throw new InvalidInputException("k8s does not support Rootfs");
        }

        var container = new JsonObject { ["name"] = Name, ["image"] = Text(Config["Image"]) };
        AddCommand(container);
        AddList(container, "env", Env());
        var bindings = HostConfig["PortBindings"] as JsonObject;
        AddList(container, "ports", KubePorts.FromBindings(bindings, forService));
        var (mounts, volumes) = KubeVolumes.From(inspect);
        AddList(container, "volumeMounts", mounts);
        AddWorkingDir(container);
        AddSecurity(container);
        AddResources(container);
        if (Config["OpenStdin"]?.GetValue<bool>() == true)
        {
            container["stdin"] = true;
        }

        if (Config["Tty"]?.GetValue<bool>() == true)
        {
            container["tty"] = true;
        }

        return (container, volumes);
    }

    /// <summary>The container's annotations as pod annotations KEY/NAME (and auto-update labels).</summary>
    public IEnumerable<KeyValuePair<string, string>> PodAnnotations(bool podmanOnly)
    {
        var annotations = (Config["Annotations"] as JsonObject ?? [])
            .Where(p => podmanOnly || !p.Key.StartsWith("io.podman.annotations.", StringComparison.Ordinal));
        var autoUpdate = (Config["Labels"] as JsonObject ?? [])
            .Where(p => p.Key.Contains("io.containers.autoupdate", StringComparison.Ordinal));
        return annotations.Concat(autoUpdate)
            .Select(p => KeyValuePair.Create($"{p.Key}/{Name}", Text(p.Value)));
    }

    /// <summary>The container's --dns, --dns-search and --dns-option, as a v1.PodDNSConfig.</summary>
    public JsonObject Dns() => KubeDns.From(HostConfig);

    // With an entrypoint, Kubernetes' command is the entrypoint and args the command; a
    // command that is just the image's own is left to the image.
    private void AddCommand(JsonObject container)
    {
        var entrypoint = Strings(Config["Entrypoint"]);
        var cmd = Strings(Config["Cmd"]);
        var (command, args) = entrypoint.Count > 0 ? (entrypoint, cmd) : (cmd, []);
        if (imageConfig is not null
            && (command.SequenceEqual(Strings(imageConfig["Cmd"]))
                || command.SequenceEqual(Strings(imageConfig["Entrypoint"]))))
        {
            command = [];
        }

        AddList(container, "command", command.Select(c => (JsonNode)c));
        AddList(container, "args", args.Select(a => (JsonNode)a));
    }

    private IEnumerable<JsonNode> Env()
    {
        var image = new HashSet<string>(Strings(imageConfig?["Env"]), StringComparer.Ordinal);
        var hostname = "HOSTNAME=" + Hostname;
        foreach (var variable in Strings(Config["Env"]))
        {
            // HOSTNAME is added at start by Podman and never stored; modpod stores it.
            if (DefaultEnv.Contains(variable) || image.Contains(variable) || variable == hostname)
            {
                continue;
            }

            var (name, value) = Split(variable);
            yield return new JsonObject { ["name"] = name, ["value"] = value };
        }
    }

    private void AddWorkingDir(JsonObject container)
    {
        var dir = Text(Config["WorkingDir"]);
        if (dir.Length > 0 && dir != "/" && dir != Text(imageConfig?["WorkingDir"]))
        {
            container["workingDir"] = dir;
        }
    }

    private void AddSecurity(JsonObject container)
    {
        var user = Text(Config["User"]);
        var security = KubeSecurity.From(
            inspect, user == Text(imageConfig?["User"]) ? "" : user, defaultCaps);
        if (security.Count > 0)
        {
            container["securityContext"] = security;
        }
    }

    private void AddResources(JsonObject container)
    {
        var limits = KubeResources.Limits(HostConfig);
        if (limits.Count > 0)
        {
            container["resources"] = new JsonObject { ["limits"] = limits };
        }
    }

    private static void AddList(JsonObject target, string key, IEnumerable<JsonNode> items)
    {
        var list = new JsonArray([.. items]);
        if (list.Count > 0)
        {
            target[key] = list;
        }
    }

    private static (string Name, string Value) Split(string variable)
    {
        var equals = variable.IndexOf('=');
        return equals < 0 ? (variable, "") : (variable[..equals], variable[(equals + 1)..]);
    }

    internal static string Text(JsonNode? node) => node is JsonValue value ? value.ToString() : "";

    /// <summary>A JSON number of any CLR type the inspect object was built with; null if none.</summary>
    internal static long? Number(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToString(), out var number) ? number : null;

    internal static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray list ? [.. list.Select(Text)] : [];
}
