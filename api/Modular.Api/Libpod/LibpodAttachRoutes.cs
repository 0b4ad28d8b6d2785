using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Libpod;

/// <summary>POST /libpod/containers/{name}/attach: the container's streams on the connection.</summary>
public static class LibpodAttachRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/containers/{name}/attach", Attach);
        app.MapPost("/libpod/containers/{name}/resize", Resize);
    }

    private static async Task Attach(
        string name,
        CliContext cli,
        PendingAttaches pending,
        HttpContext http)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        var inspect = await cli.Containers.InspectAsync(container.Id, http.RequestAborted);
        var tty = inspect["Config"]?["Tty"]?.GetValue<bool>() ?? false;
        var live = AttachLogReplay.Streams(http);
        var claim = container.State is "running" || !live
            ? null
            : pending.Reserve(container.Id, http.RequestAborted);
        try
        {
            if (!live)
            {
                await ReplayOnlyAsync(http, cli, container.Id, tty);
                return;
            }

            await using var connection = await HijackedConnection.OpenAsync(
                http, tty, AttachStreamType.For(http, tty, libpod: true));
            var streams = Streams(http, connection.Input, connection.Output, tty);
            if (AttachLogReplay.Wanted(http))
            {
                await AttachLogReplay.WriteAsync(
                    cli, container.Id, streams.Stdout, streams.Stderr, http.RequestAborted);
            }

            var attach = cli.Services.GetRequiredService<IContainerAttach>();
            _ = claim is null
                ? await attach.AttachAsync(container.Id, streams, http.RequestAborted)
                : await pending.WaitForStartAsync(container.Id, claim, streams);
        }
        finally
        {
            if (claim is not null)
            {
                pending.Release(container.Id, claim);
            }
        }
    }

    /// <summary>
    /// <c>stream=false</c>: the log and nothing after it, as an ordinary response; there is
    /// no stdin to take, and aborting a taken-over connection would end it with a reset.
    /// </summary>
    private static async Task ReplayOnlyAsync(HttpContext http, CliContext cli, string id, bool tty)
    {
        http.Response.ContentType = AttachStreamType.For(http, tty, libpod: true);
        await http.Response.StartAsync(http.RequestAborted);
        var streams = Streams(http, null, http.Response.Body, tty);
        if (AttachLogReplay.Wanted(http))
        {
            await AttachLogReplay.WriteAsync(cli, id, streams.Stdout, streams.Stderr, http.RequestAborted);
        }
    }

    private static IResult Resize() => Results.Ok();

    /// <summary>The engine's streams for the query's choice of stdin, stdout and stderr.</summary>
    internal static AttachStreams Streams(HttpContext http, Stream? input, Stream output, bool tty)
    {
        var gate = new SemaphoreSlim(1);
        Stream stdout = tty ? output : new MultiplexedStream(output, 1, gate);
        Stream stderr = tty ? output : new MultiplexedStream(output, 2, gate);
        var stdin = http.QueryFlag("stdin") ? input : null;
        return new AttachStreams(
            stdin,
            http.QueryFlag("stdout", absent: true) ? stdout : Stream.Null,
            http.QueryFlag("stderr", absent: true) ? stderr : Stream.Null,
            DetachKeys(http.Request.Query["detachKeys"].ToString()));
    }

    /// <summary>Podman's detach-key notation ("ctrl-p,ctrl-q", "a,b"); "" disables detaching.</summary>
    internal static byte[] DetachKeys(string keys) =>
        keys.Length == 0
            ? []
            : keys.Split(',').Select(key => key.StartsWith("ctrl-", StringComparison.Ordinal)
                ? (byte)(char.ToLowerInvariant(key[5]) - 'a' + 1)
                : (byte)key[0]).ToArray();
}
