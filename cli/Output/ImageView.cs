using System.Text.Json.Nodes;
using Modular.Engine.Images;

namespace Modular.Cli.Output;

/// <summary>
/// The rows <c>images</c> prints: one per name (repository and tag split at the last
/// colon after the last slash, so a registry port stays in the repository), or one
/// <c>&lt;none&gt;</c> row for an unnamed image, with Podman's Go field names.
/// </summary>
public static class ImageView
{
    public static readonly IReadOnlyDictionary<string, string> HeaderOverrides = new Dictionary<string, string>
    {
        ["ID"] = "IMAGE ID",
        ["Created"] = "CREATED",
        ["CreatedSince"] = "CREATED",
        ["ReadOnly"] = "R/O",
    };

    public const string DefaultFormat =
        "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.Created}}\\t{{.Size}}";

    public const string DigestsFormat =
        "table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t{{.Created}}\\t{{.Size}}";

    public static readonly string[] EmptyFields =
    [
        "Repository", "Tag", "ID", "Digest", "Created", "CreatedSince", "CreatedAt", "CreatedTime", "History", "Size",
        "VirtualSize", "SharedSize", "Containers", "Labels", "Names", "ReadOnly", "Dangling",
    ];

    public static IEnumerable<JsonObject> Rows(
        LocalImage image,
        JsonObject summary,
        bool noTrunc,
        DateTimeOffset now)
    {
        // As Podman, a repo@digest name (a pull by digest) gets no row of its own when
        // the image has tags; an image known only by digest still shows it.
        var tagged = image.Names.Where(n => !n.Contains('@', StringComparison.Ordinal)).ToList();
        var names = tagged.Count > 0 ? tagged : image.Names.Count > 0 ? image.Names : [""];
        foreach (var name in names)
        {
            var (repository, tag) = SplitName(name);
            var view = (JsonObject)summary.DeepClone();
            view["Repository"] = repository;
            view["Tag"] = tag;
            view["ID"] = noTrunc ? "sha256:" + HexId(image.Id) : HexId(image.Id)[..Math.Min(12, HexId(image.Id).Length)];
            view["Digest"] = image.Digest;
            view["Created"] = HumanUnits.Ago(image.Created, now);
            view["CreatedSince"] = HumanUnits.Ago(image.Created, now);
            view["CreatedAt"] = HumanUnits.GoTime(image.Created);
            view["CreatedTime"] = HumanUnits.GoTime(image.Created);
            view["History"] = view["History"] is JsonArray history
                ? string.Join(", ", history.Select(h => h?.ToString()))
                : "";
            view["Size"] = HumanUnits.Size(image.Size);
            view["VirtualSize"] = HumanUnits.Size(image.Size);
            view["ReadOnly"] = image.ReadOnly;
            view["Dangling"] = image.Names.Count == 0;
            view["Names"] = new JsonArray(image.Names.Select(n => (JsonNode?)n).ToArray());
            view["Labels"] = Labels(image.Config.Labels);
            yield return view;
        }
    }

    /// <summary>Splits "host:5000/a/b:tag" into ("host:5000/a/b", "tag"); digests give "&lt;none&gt;".</summary>
    public static (string Repository, string Tag) SplitName(string name)
    {
        if (name.Length == 0)
        {
            return ("<none>", "<none>");
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return (name[..at], "<none>");
        }

        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, "<none>");
    }

    public static string HexId(string id) =>
        id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;

    private static JsonObject Labels(IReadOnlyDictionary<string, string> labels)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in labels)
        {
            obj[key] = value;
        }

        return obj;
    }
}
