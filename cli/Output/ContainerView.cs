using System.Text.Json.Nodes;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Networking;

namespace Modular.Cli.Output;

/// <summary>
/// The object <c>ps --format</c> templates see: Podman's ps JSON plus the Go names its
/// reporter adds or overrides (<c>.ID</c> short, <c>.Names</c> one string, <c>.Status</c>
/// "Up 5 minutes", <c>.CreatedHuman</c>, a shortened <c>.Command</c>).
/// </summary>
public static class ContainerView
{
    public static readonly IReadOnlyDictionary<string, string> HeaderOverrides = new Dictionary<string, string>
    {
        ["ID"] = "CONTAINER ID",
        ["CreatedHuman"] = "CREATED",
        ["Pod"] = "POD ID",
        ["PodName"] = "PODNAME",
        ["RunningFor"] = "RUNNING FOR",
    };

    public const string DefaultFormat =
        "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.CreatedHuman}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}";

    // Podman shortens the command column to 17 characters and an ellipsis unless --no-trunc.
    private const int CommandWidth = 17;

    public static JsonObject From(
        ContainerInfo info,
        JsonObject summary,
        bool noTrunc,
        DateTimeOffset now)
    {
        var view = (JsonObject)summary.DeepClone();
        var command = string.Join(' ', info.Command);
        view["ID"] = noTrunc ? info.Id : ShortId(info.Id);
        view["Names"] = info.Name;
        view["Image"] = info.ImageName;
        view["ImageID"] = noTrunc ? info.ImageId : ShortId(ImageView.HexId(info.ImageId));
        view["Command"] = noTrunc || command.Length <= CommandWidth ? command : command[..CommandWidth] + "...";
        view["Created"] = HumanUnits.GoTime(info.Created);
        view["CreatedAt"] = HumanUnits.GoTime(info.Created);
        view["CreatedHuman"] = HumanUnits.Ago(info.Created, now);
        view["RunningFor"] = HumanUnits.Ago(info.Created, now);
        view["Status"] = Status(info, now);
        view["State"] = info.State;
        view["Ports"] = PortText.Column(info.Ports ?? [], info.ExposedPorts ?? []);
        view["Labels"] = Labels(info.Labels);
        view["ExitCode"] = info.ExitCode ?? 0;
        view["Pid"] = info.Pid ?? 0;
        view["AutoRemove"] = info.AutoRemove;
        view["Pod"] = noTrunc || info.Pod.Length == 0 ? info.Pod : ShortId(info.Pod);
        view["PodName"] = view["PodName"]?.DeepClone() ?? "";
        view["Size"] = view["Size"]?.DeepClone() ?? "";
        view["Mounts"] = view["Mounts"]?.DeepClone() ?? "";
        view["Networks"] = view["Networks"] is JsonArray networks
            ? string.Join(',', networks.Select(n => n?.ToString()))
            : "";
        return view;
    }

    /// <summary>Every field a header row may name, for templates run over an empty list.</summary>
    public static IEnumerable<string> Fields(IEnumerable<JsonObject> rows) =>
        rows.FirstOrDefault()?.Select(p => p.Key) ?? EmptyFields;

    private static readonly string[] EmptyFields =
    [
        "ID", "Names", "Image", "ImageID", "Command", "Created", "CreatedAt", "CreatedHuman", "RunningFor",
        "Status", "State", "Ports", "Labels", "ExitCode", "Pid", "AutoRemove", "Pod", "PodName",
        "Size", "Mounts", "Networks",
    ];

    /// <summary>"Created", "Up 5 minutes", "Exited (0) 3 seconds ago" as Podman's ps.</summary>
    public static string Status(ContainerInfo info, DateTimeOffset now) => info.State switch
    {
        "created" or "configured" => "Created",
        "running" => "Up " + HumanUnits.Duration(now - (info.StartedAt ?? info.Created))
            + ContainerService.HealthSuffix(info),
        "exited" or "stopped" =>
            $"Exited ({info.ExitCode ?? 0}) {HumanUnits.Ago(info.FinishedAt ?? info.Created, now)}",
        // Other states are title-cased, as Podman does to match Docker.
        var other => other.Length == 0 ? other : char.ToUpperInvariant(other[0]) + other[1..],
    };

    public static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    // Podman 5's ps rows give templates the labels as "k=v,k2=v2" text, so {{json .Labels}}
    // is a quoted string and {{.Labels}} never prints Go's map[...] form.
    private static string Labels(IReadOnlyDictionary<string, string> labels) =>
        string.Join(',', labels.Select(pair => $"{pair.Key}={pair.Value}"));
}
