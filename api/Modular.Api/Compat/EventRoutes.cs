using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Libpod;
using Modular.Api.Shared;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Contracts.Hooks;

namespace Modular.Api.Compat;

/// <summary>
/// GET /events: Docker's event stream over the engine's event log, one JSON object a
/// line. Without until it follows new events until the client goes; an until in the
/// future follows until then; until=0 means no limit, as the docker CLI sends it.
/// </summary>
public static class EventRoutes
{
    public static void Map(WebApplication app) => app.MapGet("/events", EventsAsync);

    private static async Task EventsAsync(HttpContext http, CliContext cli)
    {
        var now = DateTimeOffset.UtcNow;
        var filters = QueryFilters.Parse(http).Select(p => p.Key + "=" + EngineWord(p.Key, p.Value));
        var match = EventsCommand.Matcher(filters);
        var since = TimeArgument.Parse(Bound(http, "since"), now);
        var until = TimeArgument.Parse(Bound(http, "until"), now);
        // Podman's compat tree also takes stream=false: the events so far, then the end.
        var streamed = http.QueryFlag("stream", absent: true);
        var follow = streamed && (until is null || until > now);
        using var stop = FollowerLifetime.For(http);
        if (until is { } end && end > now)
        {
            stop.CancelAfter(end - now);
        }

        http.Response.ContentType = "application/json";
        await http.Response.StartAsync(http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        try
        {
            await WriteAsync(http, cli.Events.ReadAsync(since, until, follow, stop.Token), match);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // until reached: the stream ends, as Docker's does.
        }
    }

    /// <summary>
    /// A Docker client filters by Docker's words (field case API-03): event=die is the
    /// engine's "died", event=delete an image's "remove".
    /// </summary>
    private static string EngineWord(string key, string value) => (key, value) switch
    {
        ("event" or "status", "die") => "died",
        ("event" or "status", "delete") => "remove",
        _ => value,
    };

    private static async Task WriteAsync(HttpContext http, IAsyncEnumerable<EngineEvent> events, Func<EngineEvent, bool> match)
    {
        await foreach (var e in events)
        {
            if (!match(e))
            {
                continue;
            }

            var message = DockerMessage(e);
            if (message["from"] is "")
            {
                // Podman's compat event leaves out an empty from (omitempty); status and id
                // it sends for every type, as Docker's daemon does for images too.
                message.Remove("from");
            }

            await http.Response.WriteAsync(JsonSerializer.Serialize(message, LibpodJson.Relaxed) + "\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }
    }

    /// <summary>
    /// Podman's message with Docker's words where they differ, as Podman's compat tree
    /// writes them: a container's "died" is "die" (its exit code under exitCode) and an
    /// image's "remove" is "delete".
    /// </summary>
    private static Dictionary<string, object?> DockerMessage(EngineEvent e)
    {
        var message = LibpodEventRoutes.Message(e, exitCodeAlways: false);
        var action = (e.Type, e.Status) switch
        {
            ("image", "remove") => "delete",
            (_, "died") => "die",
            _ => e.Status,
        };
        message["status"] = action;
        message["Action"] = action;
        var attributes = (Dictionary<string, string>)((Dictionary<string, object>)message["Actor"]!)["Attributes"];
        if (action == "die" && attributes.TryGetValue("containerExitCode", out var code))
        {
            attributes["exitCode"] = code;
        }

        return message;
    }

    /// <summary>since/until as given; empty and "0" (the docker CLI's "no bound") are none.</summary>
    private static string? Bound(HttpContext http, string name)
    {
        var text = http.Request.Query[name].ToString();
        return text is "" or "0" ? null : text;
    }
}
