using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Libpod;

/// <summary>/libpod/containers/{name}: restart, pause, unpause and logs.</summary>
public static class LibpodContainerControlRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/containers/{name}/restart", Restart);
        app.MapPost("/libpod/containers/{name}/pause", Pause);
        app.MapPost("/libpod/containers/{name}/unpause", Unpause);
        app.MapPost("/libpod/containers/{name}/init", Init);
        app.MapGet("/libpod/containers/{name}/logs", Logs);
        LibpodHealthPruneRoutes.Map(app);
    }

    private static async Task<IResult> Restart(string name, CliContext cli, HttpContext http)
    {
        var control = cli.Services.GetRequiredService<IContainerControl>();
        await control.RestartAsync(name, LibpodContainerRoutes.Timeout(http), http.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>204 when it prepared the container, 304 when it was prepared already.</summary>
    private static async Task<IResult> Init(string name, CliContext cli, HttpContext http)
    {
        var control = cli.Services.GetRequiredService<IContainerControl>();
        return await control.InitAsync(name, http.RequestAborted)
            ? Results.NoContent()
            : Results.StatusCode(StatusCodes.Status304NotModified);
    }

    private static Task<IResult> Pause(string name, CliContext cli, HttpContext http) =>
        ControlAsync(name, cli, http, (control, id, token) => control.PauseAsync(id, token));

    private static Task<IResult> Unpause(string name, CliContext cli, HttpContext http) =>
        ControlAsync(name, cli, http, (control, id, token) => control.UnpauseAsync(id, token));

    /// <summary>
    /// Podman serves libpod pause/unpause with its compat handlers: 404 for an unknown
    /// name, 500 for every other failure (a container in the wrong state included).
    /// </summary>
    private static async Task<IResult> ControlAsync(
        string name,
        CliContext cli,
        HttpContext http,
        Func<IContainerControl, string, CancellationToken, Task<ContainerInfo>> act)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        var control = cli.Services.GetRequiredService<IContainerControl>();
        await PodmanStatus.ServerErrorAsync(() => act(control, container.Id, http.RequestAborted));
        return Results.NoContent();
    }

    /// <summary>Podman's libpod logs are always multiplexed frames, one per line.</summary>
    private static async Task Logs(string name, CliContext cli, HttpContext http)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        var options = new LogReadOptions(
            http.QueryFlag("follow"),
            Tail(http.Request.Query["tail"].ToString()),
            Time(http.Request.Query["since"].ToString()),
            Time(http.Request.Query["until"].ToString()));
        var wantOut = http.QueryFlag("stdout");
        var wantErr = http.QueryFlag("stderr");
        var timestamps = http.QueryFlag("timestamps");
        http.Response.ContentType = "application/json";
        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.StartAsync(http.RequestAborted);
        var gate = new SemaphoreSlim(1);
        var stdout = new MultiplexedStream(http.Response.Body, 1, gate);
        var stderr = new MultiplexedStream(http.Response.Body, 2, gate);
        await foreach (var line in cli.Containers.ReadLogsAsync(container.Id, options, http.RequestAborted))
        {
            var isErr = line.Stream == "stderr";
            if (isErr ? !wantErr : !wantOut)
            {
                continue;
            }

            var text = (timestamps ? line.Time.ToString("o", CultureInfo.InvariantCulture) + " " : "")
                + line.Text + (line.Partial ? "" : "\n");
            await (isErr ? stderr : stdout).WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
        }
    }

    private static int? Tail(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

    private static DateTimeOffset? Time(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var time = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.UnixEpoch.AddSeconds(seconds)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

        // Podman's clients send Go's zero time (year 1) for "no bound".
        return time <= DateTimeOffset.UnixEpoch ? null : time;
    }
}
