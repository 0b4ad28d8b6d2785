using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Contracts.Hooks;

namespace Modular.Api.Libpod;

/// <summary>
/// GET /libpod/events: the engine's event log as Docker's event messages, one JSON object
/// a line, following new ones while <c>stream</c> is true (the default).
/// </summary>
public static class LibpodEventRoutes
{
    public static void Map(WebApplication app) => app.MapGet("/libpod/events", Events);

    private static async Task Events(HttpContext http, CliContext cli)
    {
        var now = DateTimeOffset.UtcNow;
        var filters = QueryFilters.Parse(http).Select(p => p.Key + "=" + p.Value);
        var match = EventsCommand.Matcher(filters);
        var since = TimeArgument.Parse(NonEmpty(http.Request.Query["since"].ToString()), now);
        var until = TimeArgument.Parse(NonEmpty(http.Request.Query["until"].ToString()), now);
        var follow = http.QueryFlag("stream", absent: true) && until is null;
        http.Response.ContentType = "application/json";
        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.StartAsync(http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        using var lifetime = FollowerLifetime.For(http);
        try
        {
            await foreach (var e in cli.Events.ReadAsync(since, until, follow, lifetime.Token))
            {
                if (match(e))
                {
                    var message = Message(e, LibpodJson.MajorVersion(http) is < 5);
                    await http.Response.WriteAsync(JsonSerializer.Serialize(message, LibpodJson.Relaxed) + "\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The client left or the service stops: the stream ends here.
        }
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Docker's events.Message, which Podman's clients decode.</summary>
    internal static Dictionary<string, object?> Message(EngineEvent e, bool exitCodeAlways)
    {
        var attributes = new Dictionary<string, string>(e.Attributes) { ["name"] = e.Name };
        if (exitCodeAlways)
        {
            // Podman 4's clients drop an event without it (its servers always sent one).
            attributes.TryAdd("containerExitCode", "0");
        }

        var nanos = (e.Time - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new Dictionary<string, object?>
        {
            ["status"] = e.Status,
            ["id"] = e.Id,
            ["from"] = e.Attributes.GetValueOrDefault("image", ""),
            ["Type"] = e.Type,
            ["Action"] = e.Status,
            ["Actor"] = new Dictionary<string, object> { ["ID"] = e.Id, ["Attributes"] = attributes },
            ["scope"] = "local",
            ["time"] = nanos / 1_000_000_000,
            ["timeNano"] = nanos,
        };
    }
}
