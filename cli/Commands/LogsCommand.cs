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
        var name = One("CONTAINER");
        return new Command("logs", "Print what a container wrote to stdout and stderr")
            .With(follow, tail, timestamps, since, until, name)
            .WithAction(context, "logs", async (r, cancellationToken) =>
            {
                var now = context.Now();
                var options = new LogReadOptions(
                    r.GetValue(follow),
                    r.GetValue(tail) is >= 0 ? r.GetValue(tail) : null,
                    TimeArgument.Parse(r.GetValue(since), now),
                    TimeArgument.Parse(r.GetValue(until), now));
                await foreach (var line in context.Containers.ReadLogsAsync(
                    r.GetValue(name)!,
                    options,
                    cancellationToken))
                {
                    var writer = line.Stream == "stderr" ? context.Error : context.Out;
                    await writer.WriteAsync(Format(line, r.GetValue(timestamps)));
                    await writer.FlushAsync(cancellationToken);
                }

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
