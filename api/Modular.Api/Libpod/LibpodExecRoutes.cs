using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Libpod;

/// <summary>Exec: create a session on a container, start it on the connection, inspect it.</summary>
public static class LibpodExecRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/containers/{name}/exec", Create);
        app.MapPost("/libpod/exec/{id}/start", Start);
        app.MapPost("/libpod/exec/{id}/resize", (string id, ExecSessions sessions) =>
        {
            sessions.Get(id);
            return Results.Created();
        });
        app.MapGet("/libpod/exec/{id}/json", Inspect);
    }

    private static async Task<IResult> Create(string name, CliContext cli, ExecSessions sessions, HttpContext http)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        if (container.State is not "running")
        {
            throw new Contracts.Errors.WrongStateException(
                $"can only create exec sessions on running containers: container state improper");
        }

        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)
            as JsonObject ?? [];
        var session = sessions.Add(new ExecSession(
            "",
            container.Id,
            SpecGeneratorArguments.Strings(body["Cmd"]),
            SpecGeneratorArguments.Strings(body["Env"]),
            body["WorkingDir"]?.GetValue<string>() is { Length: > 0 } dir ? dir : null,
            body["User"]?.GetValue<string>() is { Length: > 0 } user ? user : null,
            Flag(body, "Tty"),
            Flag(body, "Privileged"),
            Flag(body, "AttachStdin"),
            Flag(body, "AttachStdout"),
            Flag(body, "AttachStderr"),
            body["DetachKeys"]?.GetValue<string>() ?? ""));
        if (session.Command.Count == 0)
        {
            throw new Contracts.Errors.InvalidInputException("must provide a non-empty command to start an exec session");
        }

        return Results.Json(new Dictionary<string, string> { ["Id"] = session.Id },
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task Start(string id, CliContext cli, ExecSessions sessions, HttpContext http)
    {
        var session = sessions.Get(id);
        var body = http.Request.ContentLength > 0
            ? await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
            : null;
        var detach = body is not null && Flag(body, "Detach");
        var attach = cli.Services.GetRequiredService<IContainerAttach>();
        var options = new ExecOptions(session.Env, session.WorkingDir, session.User, session.Privileged);
        sessions.Update(session = session with { Running = true });
        if (detach)
        {
            await attach.ExecAttachedAsync(session.ContainerId, session.Command, options, session.Tty, null, http.RequestAborted);
            sessions.Update(session with { Running = false });
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await using var connection = await HijackedConnection.OpenAsync(http, session.Tty);
        var (input, output) = (connection.Input, connection.Output);
        var gate = new SemaphoreSlim(1);
        var streams = new AttachStreams(
            session.AttachStdin ? input : null,
            !session.AttachStdout ? Stream.Null : session.Tty ? output : new MultiplexedStream(output, 1, gate),
            !session.AttachStderr ? Stream.Null : session.Tty ? output : new MultiplexedStream(output, 2, gate),
            LibpodAttachRoutes.DetachKeys(session.DetachKeys));
        var code = await ExitCodeAsync(
            () => attach.ExecAttachedAsync(
                session.ContainerId,
                session.Command,
                options,
                session.Tty,
                streams,
                http.RequestAborted),
            streams.Stderr,
            http.RequestAborted);
        sessions.Update(session with { Running = false, ExitCode = code });
    }

    /// <summary>
    /// The process's exit code; a command that cannot be found or run is 127 or 126, as the
    /// CLI reports it. The answer's head is already sent by then, so the error line goes on
    /// the session's stderr, where a client shows it as the local CLI would.
    /// </summary>
    private static async Task<int> ExitCodeAsync(
        Func<Task<AttachResult>> run,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        try
        {
            return (await run()).ExitCode;
        }
        catch (Contracts.Errors.ModularException e) when (e is Contracts.Errors.CommandNotFoundException
            or Contracts.Errors.CannotInvokeException)
        {
            var line = System.Text.Encoding.UTF8.GetBytes($"Error: {e.Message}\n");
            await stderr.WriteAsync(line, cancellationToken);
            await stderr.FlushAsync(cancellationToken);
            return e is Contracts.Errors.CommandNotFoundException ? 127 : 126;
        }
    }

    private static IResult Inspect(string id, ExecSessions sessions)
    {
        var session = sessions.Get(id);
        return Results.Json(new Dictionary<string, object?>
        {
            ["CanRemove"] = !session.Running,
            ["ContainerID"] = session.ContainerId,
            ["DetachKeys"] = session.DetachKeys,
            ["ExitCode"] = session.ExitCode ?? 0,
            ["ID"] = session.Id,
            ["OpenStderr"] = session.AttachStderr,
            ["OpenStdin"] = session.AttachStdin,
            ["OpenStdout"] = session.AttachStdout,
            ["Running"] = session.Running,
            ["Pid"] = 0,
            ["ProcessConfig"] = new Dictionary<string, object?>
            {
                ["arguments"] = session.Command.Skip(1).ToArray(),
                ["entrypoint"] = session.Command[0],
                ["privileged"] = session.Privileged,
                ["tty"] = session.Tty,
                ["user"] = session.User ?? "",
            },
        });
    }

    private static bool Flag(JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<bool>(out var on) && on;
}
