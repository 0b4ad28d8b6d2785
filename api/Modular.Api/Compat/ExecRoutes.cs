using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>Docker's exec: create, start (hijacked, or detached), inspect and resize.</summary>
public static class ExecRoutes
{
    private static readonly ConcurrentDictionary<string, ExecSession> Sessions = new(StringComparer.Ordinal);

    public static void Map(WebApplication app)
    {
        app.MapPost("/containers/{id}/exec", CreateAsync);
        app.MapPost("/exec/{id}/start", StartAsync);
        app.MapGet("/exec/{id}/json", Inspect);
        app.MapPost("/exec/{id}/resize", Resize);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CliContext cli, string id)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
            ?? throw new InvalidInputException("decode(): request body is not a JSON object");
        if (DockerCreateBody.Strings(body["Cmd"]).Count == 0)
        {
            throw new InvalidInputException("No exec command specified");
        }

        var container = await cli.Containers.ResolveAsync(id, http.RequestAborted);
        if (container.State != "running")
        {
            throw new WrongStateException($"container {container.Id} is not running");
        }

        var session = new ExecSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), container.Id, body);
        Sessions[session.Id] = session;
        return DockerJson.Result(new JsonObject { ["Id"] = session.Id }, StatusCodes.Status201Created);
    }

    private static async Task StartAsync(HttpContext http, CliContext cli, ResizeChannels resizes, string id)
    {
        var session = Find(id);
        var token = http.RequestAborted;
        var start = http.Request.ContentLength is > 0
            ? await JsonNode.ParseAsync(http.Request.Body, cancellationToken: token) as JsonObject ?? []
            : [];
        var detach = start["Detach"] is JsonValue d && d.TryGetValue<bool>(out var b) && b;
        var config = session.Config;
        var options = new ExecOptions(
            DockerCreateBody.Strings(config["Env"]),
            NullIfEmpty(config["WorkingDir"]?.GetValue<string>()),
            NullIfEmpty(config["User"]?.GetValue<string>()),
            session.Flag("Privileged"));
        var argv = DockerCreateBody.Strings(config["Cmd"]);
        var attach = cli.Services.GetRequiredService<IContainerAttach>();
        session.Running = true;
        try
        {
            if (detach)
            {
                await attach.ExecAttachedAsync(session.ContainerId, argv, options, session.Tty, null, token);
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            await RunAttachedAsync(http, session, argv, options, attach, resizes);
        }
        finally
        {
            session.Running = false;
            resizes.Close(session.Id);
        }
    }

    private static async Task RunAttachedAsync(
        HttpContext http, ExecSession session, IReadOnlyList<string> argv, ExecOptions options,
        IContainerAttach attach, ResizeChannels resizes)
    {
        var hijack = await Hijack.TakeAsync(http, session.Tty);
        var (stdout, stderr) = hijack.OutputStreams(session.Tty);
        var keys = session.Config["DetachKeys"]?.GetValue<string>();
        var streams = new AttachStreams(
            session.Flag("AttachStdin") ? hijack.Input : null,
            session.Flag("AttachStdout") ? stdout : Stream.Null,
            session.Flag("AttachStderr") ? stderr : Stream.Null,
            DetachKeys.Parse(string.IsNullOrEmpty(keys) ? DetachKeys.Default : keys),
            session.Tty ? resizes.For(session.Id).Reader : null);
        try
        {
            var result = await attach.ExecAttachedAsync(
                session.ContainerId, argv, options, session.Tty, streams,
                http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            session.ExitCode = result.ExitCode;
        }
        catch (ModularException e) when (e is CommandNotFoundException or CannotInvokeException)
        {
            // The stream is hijacked, so no error object can follow: the client reads the
            // runtime's text and the exit code, 127 or 126 as local `modpod exec` gives.
            session.ExitCode = e is CommandNotFoundException ? 127 : 126;
            await stderr.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"Error: {e.Message}\n"));
        }
        finally
        {
            await hijack.Output.FlushAsync(CancellationToken.None);
            await hijack.Output.DisposeAsync();
        }
    }

    private static IResult Inspect(string id) =>
        DockerJson.Result(Find(id).ToJson());

    private static IResult Resize(HttpContext http, ResizeChannels resizes, string id)
    {
        var session = Find(id);
        if (int.TryParse(http.Request.Query["h"], out var rows) && int.TryParse(http.Request.Query["w"], out var cols))
        {
            resizes.For(session.Id).Writer.TryWrite(new TerminalSize(rows, cols));
        }

        return Results.Ok();
    }

    private static ExecSession Find(string id) =>
        Sessions.TryGetValue(id, out var session) ? session
            : throw new NotFoundException($"no container with name or ID \"{id}\" found: no such exec session");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
