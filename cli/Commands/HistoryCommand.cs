using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Images.Management;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>history</c>: an image's layers and the steps that made them, newest first.</summary>
public static class HistoryCommand
{
    private const string DefaultFormat = "table {{.ID}}\t{{.Created}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

    private static readonly Dictionary<string, string> Headers = new() { ["CreatedBy"] = "CREATED BY" };

    public static Command Create(CliContext context)
    {
        var format = Value("--format", "Change the output to JSON or a Go template");
        var human = new Option<bool>("--human", "-H")
        {
            Description = "Display sizes and dates in human readable format",
            DefaultValueFactory = _ => true,
        };
        var noTrunc = Switch("--no-trunc", "Do not truncate the output", "--notruncate");
        var quiet = Switch("--quiet", "Display the numeric IDs only", "-q");
        var image = One("IMAGE");
        return new Command("history", "Show history of a specified image")
            .With(format, human, noTrunc, quiet, image)
            .WithAction(context, "history", async (r, cancellationToken) =>
            {
                var reader = context.Services.GetRequiredService<IImageHistoryReader>();
                var entries = await reader.ReadAsync(r.GetValue(image)!, cancellationToken);
                var view = new View(r.GetValue(human), r.GetValue(noTrunc), context.Now());
                Write(context, entries, view, r.GetValue(quiet), r.GetValue(format));
                return ExitCodes.Success;
            });
    }

    private static void Write(CliContext context, IReadOnlyList<HistoryEntry> entries, View view, bool quiet, string? format)
    {
        if (JsonOutput.IsJsonFormat(format))
        {
            var items = entries.Select(Json).ToList();
            context.Out.WriteLine(items.Count == 0 ? "[]" : new JsonArray([.. items]).ToJsonString());
            return;
        }

        var rows = entries.Select(view.Row).ToList();
        var chosen = quiet ? "{{.ID}}" : format ?? DefaultFormat;
        var fields = new[] { "ID", "Created", "CreatedBy", "Size", "Comment" };
        context.Out.Write(new ReportFormatter("history", Headers).Render(chosen, rows, fields, noHeading: false));
    }

    private static JsonNode Json(HistoryEntry e)
    {
        var item = new JsonObject { ["id"] = e.Id, ["created"] = Rfc3339(e.Created, nano: true) };
        if (e.CreatedBy.Length > 0)
        {
            item["CreatedBy"] = e.CreatedBy;
        }

        if (e.Tags.Count > 0)
        {
            item["tags"] = new JsonArray([.. e.Tags.Select(t => (JsonNode)t)]);
        }

        item["size"] = e.Size;
        if (e.Comment.Length > 0)
        {
            item["comment"] = e.Comment;
        }

        item["Created"] = Rfc3339(e.Created, nano: false);
        return item;
    }

    private static string Rfc3339(DateTimeOffset time, bool nano) =>
        time.UtcDateTime.ToString(nano ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The columns as Podman's historyReporter writes them.</summary>
    private sealed record View(bool Human, bool NoTrunc, DateTimeOffset Now)
    {
        public JsonObject Row(HistoryEntry e) => new()
        {
            ["ID"] = !NoTrunc && e.Id.Length >= 12 ? e.Id[..12] : e.Id,
            ["Created"] = Human ? HumanUnits.Ago(e.Created, Now) : Rfc3339(e.Created, nano: false),
            ["CreatedSince"] = Human ? HumanUnits.Ago(e.Created, Now) : Rfc3339(e.Created, nano: false),
            ["CreatedAt"] = Rfc3339(e.Created, nano: false),
            ["CreatedBy"] = !NoTrunc && e.CreatedBy.Length > 45 ? e.CreatedBy[..42] + "..." : e.CreatedBy,
            // Current Podman writes history sizes with go-units' HumanSizeWithPrecision as is: "2.13MB".
            ["Size"] = HumanUnits.Size(e.Size).Replace(" ", "", StringComparison.Ordinal),
            ["Comment"] = e.Comment,
            ["Tags"] = new JsonArray([.. e.Tags.Select(t => (JsonNode)t)]),
        };
    }
}
