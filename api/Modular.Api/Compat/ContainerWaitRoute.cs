using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// POST /containers/{id}/wait: headers go out at once (clients send it before start and
/// wait on the body), the body when the condition is met: not-running, next-exit, removed.
/// </summary>
public static class ContainerWaitRoute
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static void Map(WebApplication app) => app.MapPost("/containers/{id}/wait", WaitAsync);

    private static async Task WaitAsync(HttpContext http, CliContext cli, PendingStarts pending, string id)
    {
        var token = http.RequestAborted;
        var condition = http.Request.Query["condition"].ToString();
        if (condition is not ("" or "not-running" or "next-exit" or "removed"))
        {
            throw new InvalidInputException($"invalid condition \"{condition}\"");
        }

        var container = await cli.Containers.ResolveAsync(id, token);
        http.Response.ContentType = "application/json";
        await http.Response.StartAsync(token);
        await http.Response.Body.FlushAsync(token);

        var code = condition switch
        {
            "next-exit" => await NextExitAsync(cli, container, token),
            "removed" => await RemovedAsync(cli, container, token),
            _ => await cli.Containers.WaitAsync(container.Id, token),
        };
        if (condition == "removed" && pending.TakeExit(container.Id) is { } seen)
        {
            code = seen; // The attached run saw the exit the removal may have hidden.
        }

        await http.Response.WriteAsync($"{{\"Error\":null,\"StatusCode\":{code}}}\n", token);
    }

    /// <summary>
    /// The exit of the run in progress or of the next one: as Podman, which waits for the
    /// next "died" event. The container as read before the headers went out is the
    /// reference; clients send the start only after those headers (Docker's client waits
    /// for them), so a start newer than the reference is the run to wait for, however short,
    /// and a run that ended before the request is not.
    /// </summary>
    private static async Task<int> NextExitAsync(
        CliContext cli, ContainerInfo container, CancellationToken token)
    {
        if (container.State == "running")
        {
            return await cli.Containers.WaitAsync(container.Id, token);
        }

        while (true)
        {
            var now = await cli.Containers.ResolveAsync(container.Id, token);
            if (now.State == "running" || now.StartedAt != container.StartedAt
                || now.RestartCount != container.RestartCount)
            {
                return await cli.Containers.WaitAsync(container.Id, token);
            }

            await Task.Delay(Poll, token);
        }
    }

    /// <summary>Waits for the exit, then the removal; the exit code is the last one seen.</summary>
    private static async Task<int> RemovedAsync(
        CliContext cli, ContainerInfo container, CancellationToken token)
    {
        var code = container.ExitCode ?? 0;
        try
        {
            code = container.State == "running" || container.StartedAt is null
                ? await NextExitAsync(cli, container, token)
                : code;
            while (true)
            {
                var now = await cli.Containers.ResolveAsync(container.Id, token);
                code = now.ExitCode ?? code;
                await Task.Delay(Poll, token);
            }
        }
        catch (NotFoundException)
        {
            // Removed (--rm) before this request saw the exit: the code kept at removal.
            return cli.Containers.RemovedExitCode(container.Id) ?? code;
        }
    }
}
