using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Maintenance;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>system prune</c>: Podman 5's prompt, then the "Deleted ..." sections of what went (a
/// section only when something of its kind went) and "Total reclaimed space".
/// </summary>
public static class SystemPruneCommand
{
    public static Command Create(CliContext context)
    {
        var force = Switch("--force", "Do not prompt for confirmation.  The default is false", "-f");
        var all = Switch("--all", "Remove all unused data", "-a");
        var external = Switch("--external", "Remove container data in storage not controlled by podman");
        var volumes = Switch("--volumes", "Prune volumes");
        var filters = Values("--filter", "Provide filter values (e.g. 'label=<key>=<value>')");
        return new Command("prune", "Remove unused data").With(force, all, external, volumes, filters)
            .WithAction(context, "system prune", async (r, cancellationToken) =>
            {
                var options = new SystemPruneOptions(r.GetValue(all), r.GetValue(volumes), r.GetValue(filters)!);
                if (r.GetValue(external))
                {
                    // Modular keeps no container storage outside its own database to sweep.
                    return ExitCodes.Success;
                }

                if (!r.GetValue(force) && !PruneConfirmation.Ask(context, Warning(options)))
                {
                    return ExitCodes.Success;
                }

                var maintenance = context.Services.GetRequiredService<ISystemMaintenance>();
                Print(context, await maintenance.PruneAsync(options, cancellationToken), options.Volumes);
                return ExitCodes.Success;
            });
    }

    private static void Print(CliContext context, SystemPruneReport report, bool volumes)
    {
        Section(context, "Deleted Containers", report.Containers);
        Section(context, "Deleted Pods", report.Pods);
        if (volumes)
        {
            Section(context, "Deleted Volumes", report.Volumes);
        }

        Section(context, "Deleted Images", report.Images);
        Section(context, "Deleted Networks", report.Networks);
        context.Out.WriteLine($"Total reclaimed space: {CompactSize.Of(report.ReclaimedSpace)}");
    }

    private static void Section(CliContext context, string heading, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        context.Out.WriteLine(heading);
        foreach (var id in ids)
        {
            context.Out.WriteLine(id);
        }
    }

    /// <summary>Podman 5's warning; PruneConfirmation adds the blank line's question.</summary>
    private static string Warning(SystemPruneOptions options)
    {
        var volumes = options.Volumes ? "\n\t- all volumes not used by at least one container" : "";
        return options.All
            ? "WARNING! This command removes:\n\t- all stopped containers\n\t- all networks not used by at least one container"
              + volumes + "\n\t- all images without at least one container associated with them\n\t- all build cache\n"
            : "WARNING! This command removes:\n\t- all stopped containers\n\t- all networks not used by at least one container"
              + volumes + "\n\t- all dangling images\n\t- all dangling build cache\n";
    }
}
