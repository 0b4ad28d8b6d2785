using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers.Top;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>top CONTAINER [DESCRIPTORS...]</c>: the container's processes as Podman's table.
/// Everything after the container reaches this command unparsed (see ArgvSplitter), so
/// ps(1) options such as <c>-eo pid,comm</c> or <c>aux</c> are descriptors, as in Podman.
/// </summary>
public static class TopCommand
{
    public static Command Create(CliContext context)
    {
        var list = Switch("--list-descriptors", "List the supported format descriptors");
        var latest = ContainerTargets.LatestOption();
        var container = Names("CONTAINER");
        return new Command("top", "Display the running processes of a container").With(list, latest, container)
            .WithAction(context, "top", async (r, cancellationToken) =>
            {
                if (r.GetValue(list))
                {
                    foreach (var name in ProcessDescriptors.Names)
                    {
                        context.Out.WriteLine(name);
                    }

                    return ExitCodes.Success;
                }

                var words = r.GetValue(container)!.Concat(context.ContainerCommand).ToList();
                if (r.GetValue(latest))
                {
                    // With --latest every word is a descriptor, as in Podman.
                    words.Insert(0, (await ContainerTargets.LatestAsync(context, cancellationToken)).Id);
                }

                if (words.Count == 0)
                {
                    throw new UsageException("you must provide the name or id of a running container");
                }

                var descriptors = words.Skip(1).SkipWhile(w => w == "--").ToList();
                var table = await ContainerTargets.Control(context).TopAsync(
                    words[0].TrimStart('/'), descriptors, cancellationToken);
                var rows = new[] { table.Headers }.Concat(table.Rows);
                context.Out.Write(TabWriter.Align(string.Concat(rows.Select(c => string.Join('\t', c) + "\n"))));
                return ExitCodes.Success;
            });
    }
}
