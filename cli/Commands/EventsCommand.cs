using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Cli.Parsing;
using Modular.Cli.Templates;
using Modular.Contracts.Hooks;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>events</c>: read (and with --stream, follow) the events log.</summary>
public static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var filters = Values("--filter", "Show only events matching KEY=VALUE; repeatable", "-f");
        var since = Value("--since", "Show only events from this time on");
        var until = Value("--until", "Show only events up to this time, then exit");
        var stream = new Option<bool>("--stream")
        {
            Description = "Keep waiting for new events; false exits after past ones",
            DefaultValueFactory = _ => true,
        };
        var format = Value("--format", "Print each event as JSON or through a Go template");
        return new Command("events", "Show what happened to containers and images")
            .With(filters, since, until, stream, format)
            .WithAction(context, "events", async (r, cancellationToken) =>
            {
                var now = context.Now();
                var match = Matcher(r.GetValue(filters)!);
                var template = Template(r.GetValue(format));
                var untilTime = TimeArgument.Parse(r.GetValue(until), now);
                var follow = r.GetValue(stream) && untilTime is null;
                await foreach (var e in context.Events.ReadAsync(
                    TimeArgument.Parse(r.GetValue(since), now),
                    untilTime,
                    follow,
                    cancellationToken))
                {
                    if (match(e))
                    {
                        await context.Out.WriteLineAsync(Render(e, r.GetValue(format), template));
                        await context.Out.FlushAsync(cancellationToken);
                    }
                }

                return ExitCodes.Success;
            });
    }

    private static GoTemplate? Template(string? format) =>
        format is null || JsonOutput.IsJsonFormat(format)
            ? null
            : GoTemplate.Parse("events", ReportFormatter.Normalize(format).Body.TrimEnd('\n'));

    private static string Render(EngineEvent e, string? format, GoTemplate? template) =>
        template is not null ? template.Execute(EventView.From(e))
        : format is not null ? TemplateValues.Json(EventView.From(e))
        : EventView.Human(e);

    /// <summary>Filters of one key are ORed, different keys ANDed, as in Podman.</summary>
    public static Func<EngineEvent, bool> Matcher(IEnumerable<string> filters)
    {
        var groups = filters.Select(Split).GroupBy(f => f.Key).ToList();
        return e => groups.All(g => g.Any(f => Matches(e, f.Key, f.Value)));
    }

    private static (string Key, string Value) Split(string filter)
    {
        var eq = filter.IndexOf('=', StringComparison.Ordinal);
        return eq > 0
            ? (filter[..eq], filter[(eq + 1)..])
            : throw new UsageException($"invalid filter \"{filter}\", should be of the form key=value");
    }

    private static bool Matches(EngineEvent e, string key, string value) => key switch
    {
        "type" => e.Type == value,
        "event" or "status" => e.Status == value,
        "container" => e.Type == "container" && (e.Name == value || e.Id.StartsWith(value, StringComparison.Ordinal)),
        "image" => e.Attributes.GetValueOrDefault("image") == value || (e.Type == "image" && (e.Name == value || e.Id.StartsWith(value, StringComparison.Ordinal))),
        "label" => Label(e, value),
        _ => throw new UsageException($"{key} is an invalid filter"),
    };

    private static bool Label(EngineEvent e, string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? e.Attributes.ContainsKey(value) : e.Attributes.GetValueOrDefault(value[..eq]) == value[(eq + 1)..];
    }
}
