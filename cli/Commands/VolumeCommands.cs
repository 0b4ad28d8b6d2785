using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Volumes;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The <c>volume</c> group: create, ls, inspect, exists here; rm, prune, export, import in <see cref="VolumeRemovalCommands"/>.</summary>
public static class VolumeCommands
{
    /// <summary>Podman's default table: <c>DRIVER      VOLUME NAME</c>.</summary>
    public const string DefaultFormat = "table {{.Driver}}\t{{.Name}}";

    private static readonly Dictionary<string, string> HeaderOverrides = new() { ["Name"] = "VOLUME NAME" };

    public static Command Group(CliContext c) =>
        new Command("volume", "Manage volumes").With(
            Create(c), List(c), Inspect(c), Exists(c), VolumeRemovalCommands.Remove(c),
            VolumeRemovalCommands.Prune(c), VolumeRemovalCommands.Export(c), VolumeRemovalCommands.Import(c),
            VolumeMountCommands.Mount(c), VolumeMountCommands.Unmount(c));

    public static IVolumeService Volumes(CliContext context) =>
        context.Services.GetRequiredService<IVolumeService>();

    public static Command Create(CliContext context)
    {
        var driver = Value("--driver", "Volume driver: local, the only one", "-d");
        var labels = Values("--label", "Label to set on the volume, as KEY=VALUE; repeatable", "-l");
        var options = Values("--opt", "Driver option: type=, device=, o=, uid=, gid=, nocopy; repeatable", "-o");
        var ignore = Switch("--ignore", "Succeed when a volume of that name exists already");
        var name = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne };
        return new Command("create", "Create a volume").With(driver, labels, options, ignore, name)
            .WithAction(context, "volume create", async (r, cancellationToken) =>
            {
                var request = new VolumeCreateRequest(
                    r.GetValue(name),
                    r.GetValue(driver),
                    r.GetValue(labels),
                    r.GetValue(options),
                    r.GetValue(ignore));
                var volume = await Volumes(context).CreateAsync(request, cancellationToken);
                context.Out.WriteLine(volume.Name);
                return ExitCodes.Success;
            });
    }

    public static Command List(CliContext context)
    {
        var filters = Values("--filter", "List only volumes matching KEY=VALUE (name, label, driver, dangling, until, opt)", "-f");
        var format = Value("--format", "Print as JSON or through a Go template, not a table");
        var noHeading = Switch("--noheading", "Leave out the header line", "-n");
        var quiet = Switch("--quiet", "Print only volume names", "-q");
        return new Command("ls", "List volumes").With(filters, format, noHeading, quiet).Aliased("list")
            .WithAction(context, "volume ls", async (r, cancellationToken) =>
            {
                var service = Volumes(context);
                var volumes = await service.ListAsync(r.GetValue(filters)!, cancellationToken);
                if (r.GetValue(quiet))
                {
                    foreach (var volume in volumes)
                    {
                        context.Out.WriteLine(volume.Name);
                    }

                    return ExitCodes.Success;
                }

                var rows = volumes.Select(service.ToJson).ToList();
                var chosen = ReportFormatter.OrDefault(r.GetValue(format), DefaultFormat);
                if (JsonOutput.IsJsonFormat(chosen))
                {
                    context.Out.WriteLine(JsonOutput.Array(rows));
                    return ExitCodes.Success;
                }

                rows.ForEach(LabelsAsText);
                var fields = rows.FirstOrDefault()?.Select(p => p.Key) ?? ["Driver", "Name"];
                var formatter = new ReportFormatter("volume ls", HeaderOverrides);
                context.Out.Write(formatter.Render(chosen, rows, fields, r.GetValue(noHeading)));
                return ExitCodes.Success;
            });
    }

    // Podman 5's volume ls rows give templates the labels as "k=v,k2=v2" text, as ps does.
    private static void LabelsAsText(JsonObject row)
    {
        if (row["Labels"] is JsonObject labels)
        {
            row["Labels"] = string.Join(',', labels.Select(pair => $"{pair.Key}={pair.Value}"));
        }
    }

    public static Command Inspect(CliContext context)
    {
        var all = Switch("--all", "Inspect every volume", "-a");
        var format = Value("--format", "Print through a Go template instead of as JSON", "-f");
        var names = Names("VOLUME");
        return new Command("inspect", "Show the details of volumes as JSON").With(all, format, names)
            .WithAction(context, "volume inspect", async (r, cancellationToken) =>
            {
                var service = Volumes(context);
                var targets = r.GetValue(names)!;
                RequireNamesOrAll("volume", targets, r.GetValue(all));
                var items = new List<JsonObject>();
                if (r.GetValue(all))
                {
                    items.AddRange((await service.ListAsync([], cancellationToken)).Select(service.ToJson));
                }

                foreach (var name in targets)
                {
                    items.Add(await service.InspectAsync(name, cancellationToken));
                }

                InspectWriter.Write(context.Out, "volume inspect", items, r.GetValue(format));
                return ExitCodes.Success;
            });
    }

    public static Command Exists(CliContext context)
    {
        var name = One("VOLUME");
        return new Command("exists", "Exit with 0 if the volume exists, 1 if not").With(name)
            .WithAction(context, "volume exists", async (r, cancellationToken) =>
                await Volumes(context).ExistsAsync(r.GetValue(name)!, cancellationToken)
                    ? ExitCodes.Success
                    : ExitCodes.NoSuchObject);
    }
}
