using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Modular.Cli.Errors;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's progress streams (pull, push, build, load): one JSON object a line, chunked,
/// flushed as each line is posted. Engine callbacks post from any thread without waiting;
/// one pump writes to the response. The response starts on the first line, so a failure
/// before any progress still answers with its status code and Docker's error object;
/// after that, it becomes an <c>error</c>/<c>errorDetail</c> line, as Docker writes it.
/// </summary>
public sealed class JsonLineStream
{
    private readonly Channel<JsonObject> _lines = Channel.CreateUnbounded<JsonObject>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues one line; safe from any thread.</summary>
    public void Post(JsonObject line) => _lines.Writer.TryWrite(line);

    /// <summary>Queues a <c>status</c> line, with an <c>id</c> when given.</summary>
    public void Status(string status, string? id = null)
    {
        var line = new JsonObject { ["status"] = status };
        if (id is not null)
        {
            line["id"] = id;
        }

        Post(line);
    }

    /// <summary>Runs <paramref name="work"/> while writing what it posts; returns its result.</summary>
    public async Task RunAsync(HttpContext http, Func<Task> work)
    {
        var running = RunAndCompleteAsync(work);
        var started = false;
        await foreach (var line in _lines.Reader.ReadAllAsync(http.RequestAborted))
        {
            started = started || await StartAsync(http);
            await http.Response.WriteAsync(DockerJson.Text(line) + "\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }

        try
        {
            await running;
        }
        catch (Exception e) when (started && !http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, ErrorMapper.MessageFor(e));
            return;
        }

        if (!started)
        {
            await StartAsync(http);
        }
    }

    /// <summary>Docker's in-stream failure: the message twice, as its clients read either.</summary>
    public static Task WriteErrorAsync(HttpContext http, string message)
    {
        var line = new JsonObject
        {
            ["errorDetail"] = new JsonObject { ["message"] = message },
            ["error"] = message,
        };
        return http.Response.WriteAsync(DockerJson.Text(line) + "\n", http.RequestAborted);
    }

    private async Task RunAndCompleteAsync(Func<Task> work)
    {
        try
        {
            await Task.Run(work);
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private static async Task<bool> StartAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.StartAsync(http.RequestAborted);
        return true;
    }
}
