using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Cli.Parsing;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Top;
using Modular.Engine.Pods;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>pod top</c> and <c>pod logs</c>: the pod's containers seen together.</summary>
public static class PodProcessCommands
{
    public static Command Top(CliContext context)
    {
        var list = Switch("--list-descriptors", "List the supported format descriptors");
        var pod = new Argument<string?>("POD") { Arity = ArgumentArity.ZeroOrOne };
        var descriptors = Names("DESCRIPTORS");
        return new Command("top", "Display the running processes of containers in a pod")
            .With(list, pod, descriptors)
            .WithAction(context, "pod top", async (r, cancellationToken) =>
            {
                if (r.GetValue(list))
                {
                    foreach (var name in ProcessDescriptors.Names)
                    {
                        context.Out.WriteLine(name);
                    }

                    return ExitCodes.Success;
                }

                var target = r.GetValue(pod)
                    ?? throw new UsageException("you must provide the name or id of a running pod");
                var table = await PodCommands.Pods(context).TopAsync(
                    target, r.GetValue(descriptors)!, cancellationToken);
                var rows = new[] { table.Headers }.Concat(table.Rows);
                context.Out.Write(TabWriter.Align(string.Concat(rows.Select(c => string.Join('\t', c) + "\n"))));
                return ExitCodes.Success;
            });
    }

    public static Command Logs(CliContext context)
    {
        var container = Value("--container", "Print only this container's log", "-c");
        var follow = Switch("--follow", "Keep printing lines as they are logged", "-f");
        var names = Switch("--names", "Start each line with the container's name, not its ID", "-n");
        var tail = Number("--tail", "Print only the last N lines of each container");
        var timestamps = Switch("--timestamps", "Start each line with the time it was logged", "-t");
        var since = Value("--since", "Print only lines logged from this time on");
        var until = Value("--until", "Print only lines logged up to this time");
        var color = Switch("--color", "Output the containers within a pod with different colors in the log");
        var pod = One("POD");
        return new Command("logs", "Print the logs of a pod's containers")
            .With(container, follow, names, tail, timestamps, since, until, color, pod)
            .WithAction(context, "pod logs", async (r, cancellationToken) =>
            {
                var view = await PodCommands.Pods(context).GetAsync(r.GetValue(pod)!, cancellationToken);
                var now = context.Now();
                var options = new LogReadOptions(
                    r.GetValue(follow),
                    r.GetValue(tail) is >= 0 ? r.GetValue(tail) : null,
                    TimeArgument.Parse(r.GetValue(since), now),
                    TimeArgument.Parse(r.GetValue(until), now));
                var members = Members(view, r.GetValue(container));
                string Prefix(PodMember member) => members.Count == 1 ? ""
                    : (r.GetValue(names) ? member.Name : member.Id[..12]) + " ";
                var print = new PodLogPrinter(context, r.GetValue(timestamps), r.GetValue(color));
                if (options.Follow)
                {
                    // Each container is followed on its own; lines print as they come.
                    await Task.WhenAll(members.Select((member, index) => print.CopyAsync(
                        context.Containers.ReadLogsAsync(member.Id, options, cancellationToken),
                        Prefix(member),
                        cancellationToken,
                        index)));
                    return ExitCodes.Success;
                }

                var lines = new List<(string Prefix, LogLine Line, int Color)>();
                foreach (var (member, index) in members.Select((member, index) => (member, index)))
                {
                    await foreach (var line in context.Containers.ReadLogsAsync(member.Id, options, cancellationToken))
                    {
                        lines.Add((Prefix(member), line, index));
                    }
                }

                // Several containers interleave by time, each line named.
                foreach (var (prefix, line, index) in lines.OrderBy(entry => entry.Line.Time))
                {
                    await print.WriteAsync(prefix, line, cancellationToken, index);
                }

                return ExitCodes.Success;
            });
    }

    private static List<PodMember> Members(PodView view, string? container)
    {
        var members = view.Containers.Where(member => !member.IsInfra).ToList();
        if (container is null)
        {
            return members;
        }

        var chosen = members.Where(member => member.Name == container || member.Id.StartsWith(container, StringComparison.Ordinal)).ToList();
        return chosen.Count > 0 ? chosen
            : throw new Contracts.Errors.NotFoundException(
                $"container {container} is not in pod {view.Config.Name}: no such container");
    }
}
