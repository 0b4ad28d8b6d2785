using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Conmon;
using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<AttachResult> ExecAttachedAsync(
        string nameOrId,
        IReadOnlyList<string> argv,
        ExecOptions options,
        bool tty,
        AttachStreams? streams,
        CancellationToken cancellationToken)
    {
        var record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        if (record.State.Status != ContainerStatus.Running)
        {
            throw new WrongStateException(
                "can only create exec sessions on running containers: container state improper");
        }

        var request = ExecRequestFor(record.Config, tty, streams) with
        {
            Preserved = options.Preserved?.Checked(),
        };
        Directory.CreateDirectory(request.Directory);
        Directory.CreateDirectory(request.PidDirectory!);
        try
        {
            await WriteExecSpecAsync(record, argv, options, tty, request.ProcessSpec, cancellationToken);
            return await RunExecSessionAsync(record.Config, request, streams, cancellationToken);
        }
        finally
        {
            // A detached session's conmon still reads its spec; it cleans nothing else up.
            if (streams is not null)
            {
                TryDeleteDirectory(request.Directory);
                TryDeleteDirectory(request.PidDirectory!);
            }
        }
    }

    private async Task<AttachResult> RunExecSessionAsync(
        ContainerConfig config,
        ConmonExecRequest request,
        AttachStreams? streams,
        CancellationToken cancellationToken)
    {
        ConmonExecSession session;
        try
        {
            session = await ConmonExecSession.StartAsync(request, ConmonEnvironment(), cancellationToken);
        }
        catch (ConmonCreateException e)
        {
            throw Classify(config with { ProcessArgs = [] }, e.Message);
        }

        await using (session)
        {
            if (streams is null || session.Connection is null)
            {
                return new AttachResult(false, 0, request.SessionId);
            }

            if (request.Terminal && streams.Resizes is not null && streams.Resizes.TryPeek(out var size))
            {
                ConmonControl.Resize(request.ControlFifo, size);
            }

            var own = WithoutTerminalKeys(
                request.Stdin || request.Terminal ? streams : streams with { Stdin = null },
                request.Terminal);
            var pump = new AttachPump(session.Connection, own, request.ControlFifo);
            if (await pump.RunAsync(cancellationToken))
            {
                return AttachResult.Detach;
            }

            return new AttachResult(false, await session.WaitForExitAsync(cancellationToken));
        }
    }

    private ConmonExecRequest ExecRequestFor(ContainerConfig config, bool tty, AttachStreams? streams)
    {
        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return new ConmonExecRequest(
            ConmonPath: _options.ConmonPaths.FirstOrDefault(File.Exists)
                ?? throw new CapabilityMissingException(
                    $"conmon not found in {string.Join(", ", _options.ConmonPaths)}"),
            ContainerId: config.Id,
            SessionId: sessionId,
            Name: config.Name,
            RuntimeExecutable: RuntimeFor(config).Command.Executable,
            RuntimeArguments: RuntimeFor(config).Command.GlobalArguments,
            Directory: Path.Combine(PathsFor(config.Id).RunDirectory, "exec", sessionId[..12]),
            Terminal: tty,
            Stdin: streams?.Stdin is not null,
            Attach: streams is not null,
            LogLevel: _options.LogLevel is "trace" or "debug" ? "debug" : "error",
            // Like Podman, the session's exec_pid sits with the container's static files.
            PidDirectory: Path.Combine(PathsFor(config.Id).StaticDirectory, "exec", sessionId[..12]));
    }

    private List<string> ConmonEnvironment()
    {
        var environment = Conmon.ConmonEnvironment.Inherited();
        foreach (var (name, value) in _options.ConfigEnvironment)
        {
            environment[name] = value;
        }

        return environment.Select(pair => $"{pair.Key}={pair.Value}").ToList();
    }

    /// <summary>
    /// The container's own process (from its config.json) is the exec's default, as
    /// `runtime exec` without --process would take it; the flags change it from there.
    /// </summary>
    private async Task WriteExecSpecAsync(
        ContainerRecord record,
        IReadOnlyList<string> argv,
        ExecOptions options,
        bool tty,
        string path,
        CancellationToken cancellationToken)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(PathsFor(record.Config.Id).ConfigJson, cancellationToken))!;
        var process = config["process"]!.DeepClone().AsObject();
        process.Remove("consoleSize");
        process["terminal"] = tty;
        process["args"] = new JsonArray(argv.Select(a => (JsonNode?)a).ToArray());
        var env = MergeEnv(process["env"], options.Env);

        // Like Podman, a terminal session gets TERM=xterm unless run or exec set TERM.
        if (tty && !env.Any(e => e.StartsWith("TERM=", StringComparison.Ordinal)))
        {
            env.Add("TERM=xterm");
        }

        process["env"] = new JsonArray(env.Select(e => (JsonNode?)e).ToArray());
        if (options.WorkingDir is { Length: > 0 } cwd)
        {
            process["cwd"] = cwd;
        }

        if (options.User is { Length: > 0 } user)
        {
            process["user"] = ExecUser(record, user);
        }

        // The user is either parsed from config.json or built here from a resolved uint;
        // the number's text reads the same from both.
        var uid = process["user"]?["uid"] is { } uidNode
            ? long.Parse(uidNode.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        var containerUser = options.User is not { Length: > 0 } || options.User == record.Config.User;
        process["capabilities"] = ExecCapabilities.For(
            process["capabilities"], options.Privileged, uid, containerUser);

        await File.WriteAllTextAsync(path, process.ToJsonString(), cancellationToken);
    }

    private static List<string> MergeEnv(JsonNode? current, IReadOnlyList<string> added)
    {
        var merged = new List<string>(current?.AsArray().Select(e => e!.GetValue<string>()) ?? []);
        foreach (var entry in added)
        {
            var name = entry.Split('=', 2)[0];
            merged.RemoveAll(e => e.Split('=', 2)[0] == name);
            merged.Add(entry.Contains('=') ? entry : $"{entry}={Environment.GetEnvironmentVariable(entry)}");
        }

        return merged;
    }

    // Like Podman, the container's --group-add groups join whichever user exec runs as.
    private static JsonObject ExecUser(ContainerRecord record, string user)
    {
        var rootfs = record.State.MountPoint ?? "/nonexistent";
        var resolved = UserResolver.Resolve(rootfs, user);
        var added = record.Config.Security.GroupAdd.Where(g => g != "keep-groups")
            .Select(g => UserResolver.ResolveGroupIn(rootfs, g));
        var gids = resolved.AdditionalGids.Concat(added).Distinct();
        return new JsonObject
        {
            ["uid"] = resolved.Uid,
            ["gid"] = resolved.Gid,
            ["additionalGids"] = new JsonArray(gids.Select(g => (JsonNode?)g).ToArray()),
        };
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, true);
        }
        catch (IOException)
        {
            // Best effort: the runroot is wiped at reboot anyway.
        }
    }
}
