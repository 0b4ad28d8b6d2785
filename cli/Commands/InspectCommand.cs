using System.CommandLine;
using System.Text.Json.Nodes;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Contracts.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>inspect</c> (containers, then images) and <c>container inspect</c>.</summary>
public static class InspectCommand
{
    public static Command Create(CliContext context, string? fixedType)
    {
        var format = Value("--format", "Print through a Go template instead of as JSON", "-f");
        var type = Value("--type", "Kind of object to look for: container, image or all", "-t");
        var names = Names("NAME");
        var latest = ContainerTargets.LatestOption();
        var command = new Command("inspect", fixedType is null
            ? "Show the details of containers or images as JSON"
            : "Show the details of containers as JSON").With(format, latest, names);
        if (fixedType is null)
        {
            command.Options.Add(type);
        }

        return command.WithAction(context, fixedType is null ? "inspect" : "container inspect", async (r, cancellationToken) =>
        {
            var kind = fixedType ?? r.GetValue(type) ?? "all";
            if (kind is not ("all" or "container" or "image"))
            {
                throw new UsageException($"invalid type \"{kind}\": must be one of all, container, image");
            }

            var items = new List<JsonObject>();
            Exception? missing = null;
            foreach (var name in await NamesAsync(context, r.GetValue(names)!, r.GetValue(latest), cancellationToken))
            {
                var item = await FindAsync(context, name, kind, cancellationToken);
                if (item is null)
                {
                    // Podman 5: "no such object: \"X\"" for any type, "no such container \"X\"" (no colon).
                    missing = new NotFoundException(kind switch
                    {
                        "all" => $"no such object: \"{name}\"",
                        "container" => $"no such container \"{name}\"",
                        _ => $"no such {kind}: \"{name}\"",
                    });
                    continue;
                }

                items.Add(item);
            }

            InspectWriter.Write(context.Out, "inspect", items, r.GetValue(format));
            return missing is null
                ? ExitCodes.Success
                : ErrorMapper.Report("inspect", missing, context.Error, context.Debug);
        });
    }

    // --latest (-l) inspects the container created last; otherwise names are required.
    private static async Task<string[]> NamesAsync(
        CliContext context,
        string[] names,
        bool latest,
        CancellationToken cancellationToken)
    {
        if (latest)
        {
            ContainerTargets.Check(names, false, null, latest);
            return [(await ContainerTargets.LatestAsync(context, cancellationToken)).Id];
        }

        return names.Length > 0 ? names : throw new UsageException("requires at least 1 arg(s), only received 0");
    }

    private static async Task<JsonObject?> FindAsync(
        CliContext context,
        string name,
        string kind,
        CancellationToken cancellationToken)
    {
        if (kind is "all" or "container")
        {
            try
            {
                return await context.Containers.InspectAsync(name, cancellationToken);
            }
            catch (NotFoundException) when (kind == "all")
            {
                // Not a container: try the images, as Podman does.
            }
            catch (NotFoundException)
            {
                return null;
            }
        }

        try
        {
            return await context.Images.InspectAsync(name, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
