using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Remote.Transport;

namespace Modular.Remote.Services;

/// <summary>
/// IContainerAttach over the libpod attach and exec routes, each taking its connection over
/// (<c>Upgrade: tcp</c>). Exit codes come afterwards from wait and exec inspect, as Podman's
/// remote client gets them.
/// </summary>
public sealed class RemoteContainerAttach(LibpodClient libpod, RemoteContainerService containers)
    : IContainerAttach
{
    public Task<AttachResult> StartAttachedAsync(
        string nameOrId,
        AttachStreams streams,
        CancellationToken cancellationToken) =>
        AttachAsync(nameOrId, streams, start: true, cancellationToken);

    public Task<AttachResult> AttachAsync(
        string nameOrId,
        AttachStreams streams,
        CancellationToken cancellationToken) =>
        AttachAsync(nameOrId, streams, start: false, cancellationToken);

    public async Task<AttachResult> ExecAttachedAsync(
        string nameOrId,
        IReadOnlyList<string> argv,
        ExecOptions options,
        bool tty,
        AttachStreams? streams,
        CancellationToken cancellationToken)
    {
        var session = await CreateExecAsync(nameOrId, argv, options, tty, streams, cancellationToken);
        var start = new JsonObject { ["Detach"] = streams is null, ["Tty"] = tty }.ToJsonString();
        if (streams is null)
        {
            var path = $"libpod/exec/{session}/start";
            using var _ = await libpod.PostAsync(path, JsonNode.Parse(start), cancellationToken);
            return new AttachResult(false, 0, session);
        }

        await using (var connection = await OpenAsync($"libpod/exec/{session}/start", start, cancellationToken))
        {
            var detached = await RemoteAttachPump.RunAsync(
                connection,
                streams,
                tty,
                (size, token) => ResizeAsync($"libpod/exec/{session}/resize", size, token),
                cancellationToken);
            if (detached)
            {
                return AttachResult.Detach;
            }
        }

        var inspect = await libpod.GetJsonAsync($"libpod/exec/{session}/json", cancellationToken);
        return new AttachResult(false, inspect?["ExitCode"]?.GetValue<int>() ?? 0, session);
    }

    private async Task<AttachResult> AttachAsync(
        string nameOrId,
        AttachStreams streams,
        bool start,
        CancellationToken cancellationToken)
    {
        var inspect = await containers.InspectAsync(nameOrId, cancellationToken);
        var id = inspect["Id"]!.GetValue<string>();
        var tty = inspect["Config"]?["Tty"]?.GetValue<bool>() ?? false;
        // The service attaches to a stopped container and waits for its start (Docker's
        // `start -a` needs that), so `attach` itself refuses first, as Podman's client does.
        if (!start && inspect["State"]?["Status"]?.GetValue<string>() is not "running")
        {
            throw new WrongStateException("you can only attach to running containers");
        }

        var stdin = streams.Stdin is null ? "false" : "true";
        var path = $"libpod/containers/{id}/attach?stream=true&stdin={stdin}&stdout=true&stderr=true";
        await using (var connection = await OpenAsync(path, null, cancellationToken))
        {
            // Attached before the start, so not a byte of output is missed.
            if (start)
            {
                await containers.StartAsync(id, cancellationToken);
            }

            var detached = await RemoteAttachPump.RunAsync(
                connection,
                streams,
                tty,
                (size, token) => ResizeAsync($"libpod/containers/{id}/resize", size, token),
                cancellationToken);
            if (detached)
            {
                return AttachResult.Detach;
            }
        }

        return new AttachResult(false, await containers.WaitAsync(id, cancellationToken));
    }

    private async Task<string> CreateExecAsync(
        string nameOrId,
        IReadOnlyList<string> argv,
        ExecOptions options,
        bool tty,
        AttachStreams? streams,
        CancellationToken cancellationToken)
    {
        if (options.Preserved is { } preserved && (preserved.Count > 0 || preserved.Only.Count > 0))
        {
            throw new CapabilityMissingException(
                "--preserve-fds/--preserve-fd are not supported by the modpod remote client");
        }

        var body = new JsonObject
        {
            ["AttachStdin"] = streams?.Stdin is not null,
            ["AttachStdout"] = streams is not null,
            ["AttachStderr"] = streams is not null,
            ["Cmd"] = Strings(argv),
            ["Env"] = Strings(options.Env),
            ["WorkingDir"] = options.WorkingDir ?? "",
            ["User"] = options.User ?? "",
            ["Privileged"] = options.Privileged,
            ["Tty"] = tty,
            // Detach keys are watched by this client; the service must pass every byte on.
            ["DetachKeys"] = "",
        };
        var path = $"libpod/containers/{LibpodClient.Escape(nameOrId)}/exec";
        var created = await libpod.PostJsonAsync(path, body, cancellationToken);
        return created?["Id"]?.GetValue<string>()
            ?? throw new BackendException("exec: no session Id in the answer");
    }

    private Task<HijackedStream> OpenAsync(string path, string? body, CancellationToken cancellationToken) =>
        HijackedStream.OpenAsync(libpod.Transport, path, body, LibpodClient.Error, cancellationToken);

    private async Task ResizeAsync(string path, TerminalSize size, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"?h={size.Rows}&w={size.Columns}");
        using var _ = await libpod.PostAsync(path + query, null, cancellationToken);
    }

    private static JsonArray Strings(IEnumerable<string> items) =>
        new(items.Select(item => (JsonNode)JsonValue.Create(item)!).ToArray());
}
