using System.Text.Json.Nodes;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>Writes a <see cref="PsListing"/> as IDs, JSON or a table, as Podman's ps.</summary>
public static class PsWriter
{
    private const string NamespaceFormat =
        "table {{.ID}}\\t{{.Names}}\\t{{.Pid}}\\t{{.Cgroup}}\\t{{.IPC}}\\t{{.MNT}}\\t{{.NET}}"
        + "\\t{{.PIDNS}}\\t{{.User}}\\t{{.UTS}}";

    private static readonly string[] NamespaceFields = ["Cgroup", "IPC", "MNT", "NET", "PIDNS", "User", "UTS"];

    private static readonly Dictionary<string, string> Headers = new(ContainerView.HeaderOverrides)
    {
        ["Cgroup"] = "CGROUPNS",
        ["IPC"] = "IPC",
        ["MNT"] = "MNT",
        ["NET"] = "NET",
        ["PIDNS"] = "PIDNS",
        ["User"] = "USERNS",
        ["UTS"] = "UTS",
        ["Networks"] = "NETWORKS",
        ["Restarts"] = "RESTARTS",
    };

    public static void Write(CliContext context, PsListing listing, PsRequest request)
    {
        if (JsonOutput.IsJsonFormat(request.Format))
        {
            var rows = listing.Containers.Select(c => JsonRow(context, listing, c));
            context.Out.WriteLine(JsonOutput.Array(rows));
            return;
        }

        if (request.Quiet && request.Format is null)
        {
            foreach (var c in listing.Containers)
            {
                context.Out.WriteLine(request.NoTrunc ? c.Id : ContainerView.ShortId(c.Id));
            }

            return;
        }

        WriteTable(context, listing, request);
    }

    private static void WriteTable(CliContext context, PsListing listing, PsRequest request)
    {
        var now = context.Now();
        var rows = listing.Containers
            .Select(c => View(c, Summary(context, listing, c), listing, request.NoTrunc, now))
            .ToList();
        var format = ReportFormatter.OrDefault(request.Format, DefaultFormat(request))
            .Replace(".Namespaces.", ".", StringComparison.Ordinal);
        var fields = ContainerView.Fields(rows).Concat(NamespaceFields).Distinct();
        var formatter = new ReportFormatter("ps", Headers);
        var noHeading = request.NoHeading
            || (request.Format is not null && !ReportFormatter.Normalize(request.Format).IsTable);
        context.Out.Write(formatter.Render(format, rows, fields, noHeading));
    }

    private static string DefaultFormat(PsRequest request)
    {
        if (request.Namespaces)
        {
            return NamespaceFormat;
        }

        var pod = request.Pod ? "\\t{{.Pod}}\\t{{.PodName}}" : "";
        var size = request.Size ? "\\t{{.Size}}" : "";
        return ContainerView.DefaultFormat + pod + size;
    }

    // Podman's ps --format json writes Created as Unix seconds, unlike its templates.
    private static JsonObject JsonRow(CliContext context, PsListing listing, ContainerInfo container)
    {
        var row = Summary(context, listing, container);
        row["Created"] = container.Created.ToUnixTimeSeconds();
        return row;
    }

    private static JsonObject Summary(CliContext context, PsListing listing, ContainerInfo container)
    {
        var summary = context.Containers.Summarize(container);
        if (listing.Sizes?.TryGetValue(container.Id, out var size) == true)
        {
            summary["Size"] = new JsonObject { ["rootFsSize"] = size.RootFsSize, ["rwSize"] = size.RwSize };
        }

        if (listing.Mounts?.TryGetValue(container.Id, out var mounts) == true)
        {
            summary["Mounts"] = new JsonArray([.. mounts.Select(m => (JsonNode)JsonValue.Create(m))]);
        }

        if (listing.Namespaces?.TryGetValue(container.Id, out var ns) == true)
        {
            summary["Namespaces"] = NamespacesJson(ns);
        }

        return summary;
    }

    // Podman's keys are omitempty: a stopped container shows {}.
    private static JsonObject NamespacesJson(PsNamespaces ns)
    {
        var json = new JsonObject();
        foreach (var (key, value) in new[]
        {
            ("Mnt", ns.Mnt), ("Cgroup", ns.Cgroup), ("Ipc", ns.Ipc), ("Net", ns.Net),
            ("Pidns", ns.Pidns), ("Uts", ns.Uts), ("User", ns.User),
        })
        {
            if (value.Length > 0)
            {
                json[key] = value;
            }
        }

        return json;
    }

    private static JsonObject View(
        ContainerInfo container,
        JsonObject summary,
        PsListing listing,
        bool noTrunc,
        DateTimeOffset now)
    {
        var view = ContainerView.From(container, summary, noTrunc, now);
        if (listing.Sizes?.TryGetValue(container.Id, out var size) == true)
        {
            view["Size"] = $"{PsSizeText.Compact(size.RwSize)} (virtual {PsSizeText.Compact(size.RootFsSize)})";
        }

        var ns = listing.Namespaces?.GetValueOrDefault(container.Id);
        view["Cgroup"] = ns?.Cgroup ?? "";
        view["IPC"] = ns?.Ipc ?? "";
        view["MNT"] = ns?.Mnt ?? "";
        view["NET"] = ns?.Net ?? "";
        view["PIDNS"] = ns?.Pidns ?? "";
        view["User"] = ns?.User ?? "";
        view["UTS"] = ns?.Uts ?? "";
        return view;
    }
}
