using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Maintenance;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>system df</c>: Podman's summary table, its -v sections, --format json or a template.</summary>
public static class SystemDfCommand
{
    private const string SummaryFormat = "table {{.Type}}\t{{.Total}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";

    public static Command Create(CliContext context)
    {
        var verbose = Switch("--verbose", "Show detailed information on disk usage", "-v");
        var format = Value("--format", "Pretty-print images using a Go template");
        return new Command("df", "Show podman disk usage").With(verbose, format)
            .WithAction(context, "system df", async (r, cancellationToken) =>
            {
                var maintenance = context.Services.GetRequiredService<ISystemMaintenance>();
                var report = await maintenance.DiskUsageAsync(cancellationToken);
                var chosen = r.GetValue(format);
                if (chosen is not null && r.GetValue(verbose))
                {
                    throw new UsageException("cannot combine --format and --verbose flags");
                }

                context.Out.Write(r.GetValue(verbose)
                    ? SystemDfVerbose.Render(report, context.Now())
                    : Summary(report, chosen));
                return ExitCodes.Success;
            });
    }

    private static string Summary(SystemDfReport report, string? format)
    {
        var rows = SystemDfSummary.Rows(report);
        if (JsonOutput.IsJsonFormat(format))
        {
            return JsonOutput.Array(rows.Select(Json)) + "\n";
        }

        var fields = new[] { "Type", "Total", "Active", "Size", "Reclaimable" };
        var views = rows.Select(View).ToList();
        var chosen = format is null ? SummaryFormat : format;
        return new ReportFormatter("df", new Dictionary<string, string>()).Render(chosen, views, fields, false);
    }

    private static JsonObject View(SystemDfSummary row) => new()
    {
        ["Type"] = row.Type, ["Total"] = row.Total, ["Active"] = row.Active,
        ["RawSize"] = row.RawSize, ["RawReclaimable"] = row.RawReclaimable,
        ["Size"] = row.Size, ["Reclaimable"] = row.Reclaimable, ["TotalCount"] = row.Total,
    };

    // Podman's JSON: the struct's fields, then Docker's TotalCount, Size and Reclaimable.
    private static JsonObject Json(SystemDfSummary row) => new()
    {
        ["Type"] = row.Type, ["Total"] = row.Total, ["Active"] = row.Active,
        ["RawSize"] = row.RawSize, ["RawReclaimable"] = row.RawReclaimable,
        ["TotalCount"] = row.Total, ["Size"] = row.Size, ["Reclaimable"] = row.Reclaimable,
    };
}
