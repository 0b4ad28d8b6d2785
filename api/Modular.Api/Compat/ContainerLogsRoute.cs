using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// GET /containers/{id}/logs: the engine's log lines, framed as Docker's multiplexed
/// stream without a terminal and raw with one.
/// </summary>
public static class ContainerLogsRoute
{
    public static void Map(WebApplication app) => app.MapGet("/containers/{id}/logs", LogsAsync);

    private static async Task LogsAsync(HttpContext http, CliContext cli, string id)
    {
        var token = http.RequestAborted;
        var stdout = http.QueryFlag("stdout");
        var stderr = http.QueryFlag("stderr");
        if (!stdout && !stderr)
        {
            throw new InvalidInputException("you must choose at least one stream");
        }

        var inspect = await cli.Containers.InspectAsync(id, token);
        var tty = inspect["Config"]?["Tty"]?.GetValue<bool>() ?? false;
        var options = new LogReadOptions(
            Follow: http.QueryFlag("follow"),
            Tail: int.TryParse(http.Request.Query["tail"], out var tail) && tail >= 0 ? tail : null,
            Since: QueryTime(http, "since"),
            Until: QueryTime(http, "until"));
        // Nine fractional digits, as Podman writes them (.NET keeps seven; the rest are 0).
        var timestamps = http.QueryFlag("timestamps");

        http.Response.ContentType = tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
        await http.Response.StartAsync(token);
        await http.Response.Body.FlushAsync(token);
        var body = http.Response.Body;
        await foreach (var line in cli.Containers.ReadLogsAsync(id, options, token))
        {
            var isErr = line.Stream == "stderr";
            if ((isErr && !stderr) || (!isErr && !stdout))
            {
                continue;
            }

            var text = (timestamps ? line.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'") + " " : "")
                + line.Text + (line.Partial ? "" : "\n");
            var bytes = Encoding.UTF8.GetBytes(text);
            if (!tty)
            {
                await body.WriteAsync(MultiplexedStream.Header(isErr ? (byte)2 : (byte)1, bytes.Length), token);
            }

            await body.WriteAsync(bytes, token);
            await body.FlushAsync(token);
        }
    }

    /// <summary>
    /// Docker's since/until: Unix seconds with an optional fraction (what the docker CLI
    /// sends), or any time Podman's ParseInputTime takes; 0 means unset. A value that is no
    /// time is a 400 naming it, as Podman answers.
    /// </summary>
    private static DateTimeOffset? QueryTime(HttpContext http, string key)
    {
        var text = http.Request.Query[key].ToString();
        if (text is "" or "0")
        {
            return null;
        }

        try
        {
            return TimeArgument.Parse(text, DateTimeOffset.UtcNow, since: key == "since");
        }
        catch (UsageException)
        {
            throw new ApiException(StatusCodes.Status400BadRequest,
                $"failed to parse query parameter '{key}': \"{text}\": unable to interpret time value",
                "unable to interpret time value");
        }
    }
}
