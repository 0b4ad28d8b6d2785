using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>logs</c>: the container's k8s-file log, stdout lines to stdout, stderr to stderr.</summary>
public static class LogsCommand
{
    public static Command Create(CliContext context)
    {
        var follow = Switch("--follow", "Keep printing lines as they are logged", "-f");
        var tail = Number("--tail", "Print only the last N lines");
        var timestamps = Switch("--timestamps", "Start each line with the time it was logged", "-t");
        var since = Value("--since", "Print only lines logged from this time on");
        var until = Value("--until", "Print only lines logged up to this time");
        var names = Switch("--names", "Prefix each line with the container's name, not its ID", "-n");
        var containers = Names("CONTAINER", 1);
        return new Command("logs", "Print what a container wrote to stdout and stderr")
            .With(follow, tail, timestamps, since, until, names, containers)
            .WithAction(context, "logs", async (r, cancellationToken) =>
            {
                var now = context.Now();
                var options = new LogReadOptions(
                    r.GetValue(follow),
                    r.GetValue(tail) is >= 0 ? r.GetValue(tail) : null,
                    TimeArgument.Parse(r.GetValue(since), now),
                    TimeArgument.Parse(r.GetValue(until), now, since: false));
                var targets = r.GetValue(containers)!;
                var output = new LogPrinter(context, r.GetValue(timestamps));
                if (targets.Length == 1)
                {
                    await output.PrintAsync(targets[0], "", options, cancellationToken);
                    return ExitCodes.Success;
                }

                // Podman reads several containers at once (so -f follows them all) and marks
                // each line with the container's short ID or, with --names, its name.
                var prefixes = new List<string>();
                foreach (var target in targets)
                {
                    var info = await context.Containers.ResolveAsync(target, cancellationToken);
                    prefixes.Add(r.GetValue(names) ? info.Name : info.Id[..12]);
                }

                await Task.WhenAll(targets.Select((target, i) =>
                    output.PrintAsync(target, prefixes[i] + " ", options, cancellationToken)));
                return ExitCodes.Success;
            });
    }

    /// <summary>A partial line (conmon's "P" tag) continues on the next record without a newline.</summary>
    public static string Format(LogLine line, bool timestamps)
    {
        var prefix = timestamps
            ? GoTime.Format(line.Time) + " "
            : "";
        return prefix + line.Text + (line.Partial ? "" : "\n");
    }
}
