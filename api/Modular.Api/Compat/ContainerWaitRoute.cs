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

        var asked = DateTimeOffset.UtcNow;
        var container = await cli.Containers.ResolveAsync(id, token);
        http.Response.ContentType = "application/json";
        await http.Response.StartAsync(token);
        await http.Response.Body.FlushAsync(token);

        var code = condition switch
        {
            "next-exit" => await NextExitAsync(cli, container, asked, token),
            "removed" => await RemovedAsync(cli, container, asked, token),
            _ => await cli.Containers.WaitAsync(container.Id, token),
        };
        if (condition == "removed" && pending.TakeExit(container.Id) is { } seen)
        {
            code = seen; // The attached run saw the exit the removal may have hidden.
        }

        await http.Response.WriteAsync($"{{\"Error\":null,\"StatusCode\":{code}}}\n", token);
    }

    /// <summary>
    /// The exit of a run that starts after the request. A start that raced ahead of it
    /// (the client sends both at once) counts when it began less than a second before.
    /// </summary>
    private static async Task<int> NextExitAsync(
        CliContext cli, ContainerInfo container, DateTimeOffset asked, CancellationToken token)
    {
        var before = container.StartedAt is { } s && s < asked.AddSeconds(-1) ? s : (DateTimeOffset?)null;
        while (true)
        {
            var now = await cli.Containers.ResolveAsync(container.Id, token);
            if (now.State == "running" || (now.StartedAt is { } started && started != before))
            {
                return await cli.Containers.WaitAsync(container.Id, token);
            }

            await Task.Delay(Poll, token);
        }
    }

    /// <summary>Waits for the exit, then the removal; the exit code is the last one seen.</summary>
    private static async Task<int> RemovedAsync(
        CliContext cli, ContainerInfo container, DateTimeOffset asked, CancellationToken token)
    {
        var code = container.ExitCode ?? 0;
        try
        {
            code = container.State == "running" || container.StartedAt is null
                ? await NextExitAsync(cli, container, asked, token)
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
