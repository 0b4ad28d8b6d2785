using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// POST /containers/{id}/attach (hijacked) and /containers/{id}/resize. Attaching to a
/// created container waits for its start, which then happens attached.
/// </summary>
public static class ContainerAttachRoute
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/containers/{id}/attach", AttachAsync);
        app.MapPost("/containers/{id}/resize", Resize);
    }

    private static async Task AttachAsync(
        HttpContext http, CliContext cli, PendingStarts pending, ResizeChannels resizes, string id)
    {
        // Not RequestAborted: Docker clients half-close a hijacked connection when they send
        // no stdin, which Kestrel reports as aborted. A client gone for good fails the writes.
        var token = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var container = await cli.Containers.ResolveAsync(id, token);
        var inspect = await cli.Containers.InspectAsync(container.Id, token);
        var tty = inspect["Config"]?["Tty"]?.GetValue<bool>() ?? false;
        var detachKeys = http.Request.Query["detachKeys"].ToString();
        var keys = DetachKeys.Parse(detachKeys.Length == 0 ? DetachKeys.Default : detachKeys);
        var live = AttachLogReplay.Streams(http);
        using var waiter = container.State == "running" || !live ? null : pending.Register(container.Id);

        if (!live)
        {
            // No stdin follows: read what the client sent, or closing the taken-over
            // connection over unread bytes resets it and the client loses the log.
            await http.Request.Body.CopyToAsync(Stream.Null, token);
        }

        var hijack = await Hijack.TakeAsync(http, tty, AttachStreamType.For(http, tty, libpod: false));
        var (stdout, stderr) = hijack.OutputStreams(tty);
        var all = AttachLogReplay.NoStreamNamed(http);
        var streams = new AttachStreams(
            http.QueryFlag("stdin") ? hijack.Input : null,
            all || http.QueryFlag("stdout") ? stdout : Stream.Null,
            all || http.QueryFlag("stderr") ? stderr : Stream.Null,
            keys,
            tty ? resizes.For(container.Id).Reader : null);
        var attach = cli.Services.GetRequiredService<IContainerAttach>();
        try
        {
            if (AttachLogReplay.Wanted(http))
            {
                await AttachLogReplay.WriteAsync(cli, container.Id, streams.Stdout, streams.Stderr, token);
            }

            if (!live)
            {
                return;
            }

            if (waiter is null)
            {
                await attach.AttachAsync(container.Id, streams, token);
                return;
            }

            await waiter.Go.Task.WaitAsync(token);
            var run = attach.StartAttachedAsync(container.Id, streams, token);
            _ = SignalWhenRunningAsync(cli, container.Id, run, waiter, token);
            AttachResult result;
            try
            {
                result = await run;
            }
            catch (ModularException error)
            {
                // The start request answers with the runtime's refusal (set before this
                // attach ends and its waiter reports a plain success); ending here closes
                // the hijacked connection, so the client's `run` returns with it.
                waiter.Started.TrySetException(error);
                return;
            }

            pending.RecordExit(container.Id, result.ExitCode);
        }
        finally
        {
            resizes.Close(container.Id);
            await hijack.Output.FlushAsync(CancellationToken.None);
            await hijack.Output.DisposeAsync();
        }
    }

    /// <summary>Lets the start request answer once the container runs (or the attach ended).</summary>
    private static async Task SignalWhenRunningAsync(
        CliContext cli, string id, Task run, PendingStarts.Waiter waiter, CancellationToken token)
    {
        try
        {
            while (!run.IsCompleted)
            {
                var now = await cli.Containers.ResolveAsync(id, token);
                if (now.State is "running" or "exited" or "stopped")
                {
                    break;
                }

                await Task.Delay(20, token);
            }
        }
        catch (Exception)
        {
            // Gone (a failed start with --rm removes it): the run's own outcome decides what
            // the start answers, so wait for it briefly rather than report a success.
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        }
        finally
        {
            if (run is { IsFaulted: true, Exception: { } error })
            {
                waiter.Started.TrySetException(error.InnerExceptions);
            }

            waiter.Started.TrySetResult();
        }
    }

    private static async Task<IResult> Resize(HttpContext http, CliContext cli, ResizeChannels resizes, string id)
    {
        var container = await cli.Containers.ResolveAsync(id, http.RequestAborted);
        if (int.TryParse(http.Request.Query["h"], out var rows) && int.TryParse(http.Request.Query["w"], out var cols))
        {
            resizes.TrySend(container.Id, new TerminalSize(rows, cols));
        }

        return Results.Ok();
    }
}
