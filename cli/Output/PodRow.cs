using System.Text.Json.Nodes;
using Modular.Engine.Pods;

namespace Modular.Cli.Output;

/// <summary>
/// The object <c>pod ps</c> templates see: the pod's JSON plus the Go names Podman's
/// reporter adds (<c>.ID</c> and <c>.InfraID</c> short, <c>.Created</c> "5 minutes ago",
/// <c>.NumberOfContainers</c>, <c>.ContainerNames</c>, <c>.ContainerIds</c>, ...).
/// </summary>
public static class PodRow
{
    public static readonly IReadOnlyDictionary<string, string> HeaderOverrides = new Dictionary<string, string>
    {
        ["ID"] = "POD ID",
        ["InfraID"] = "INFRA ID",
        ["NumberOfContainers"] = "# OF CONTAINERS",
        ["ContainerNames"] = "NAMES",
        ["ContainerIds"] = "IDS",
        ["ContainerStatuses"] = "STATUS",
    };

    /// <summary>Podman's columns; the last is replaced by --ctr-ids, --ctr-names, --ctr-status.</summary>
    public static string DefaultFormat(bool ids, bool names, bool statuses)
    {
        var columns = "table {{.ID}}\\t{{.Name}}\\t{{.Status}}\\t{{.Created}}\\t{{.InfraID}}";
        if (!ids && !names && !statuses)
        {
            return columns + "\\t{{.NumberOfContainers}}";
        }

        return columns + (ids ? "\\t{{.ContainerIds}}" : "") + (names ? "\\t{{.ContainerNames}}" : "")
            + (statuses ? "\\t{{.ContainerStatuses}}" : "");
    }

    public static JsonObject From(PodView pod, JsonObject summary, bool noTrunc, DateTimeOffset now)
    {
        var view = (JsonObject)summary.DeepClone();
        view["ID"] = Short(pod.Config.Id, noTrunc);

        // Podman's reporter truncates .Id too (ID is its alias), unless --no-trunc.
        view["Id"] = Short(pod.Config.Id, noTrunc);
        view["InfraID"] = Short(pod.Config.InfraId, noTrunc);
        view["Created"] = HumanUnits.Ago(pod.Config.Created, now);
        view["NumberOfContainers"] = pod.Containers.Count;
        view["ContainerNames"] = string.Join(',', pod.Containers.Select(member => member.Name));
        view["ContainerIds"] = string.Join(',', pod.Containers.Select(member => Short(member.Id, noTrunc)));
        view["ContainerStatuses"] = string.Join(',', pod.Containers.Select(member => member.Status));
        view["Networks"] = string.Join(',', summary["Networks"]!.AsArray().Select(node => (string?)node));
        view["Labels"] = string.Join(',', pod.Config.Labels.Select(pair => $"{pair.Key}={pair.Value}"));
        return view;
    }

    public static string Short(string id, bool noTrunc) => noTrunc || id.Length <= 12 ? id : id[..12];
}
