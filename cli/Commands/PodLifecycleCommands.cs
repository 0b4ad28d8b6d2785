using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Pods;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>pod start|stop|restart|kill|pause|unpause|rm|prune</c>. Each prints the id of every
/// pod it acted on; a failing pod reports its own Error line and the rest still run, as
/// Podman does, with the last failure's exit code.
/// </summary>
public static class PodLifecycleCommands
{
    public static Command Start(CliContext context) => Verb(
        context, "start", "Start one or more pods",
        (pods, id, _, ct) => pods.StartAsync(id, ct));

    public static Command Stop(CliContext context)
    {
        var time = Number("--time", "Seconds to wait after the stop signal before killing", "-t");
        return Verb(context, "stop", "Stop one or more pods",
            (pods, id, r, ct) => pods.StopAsync(id, r.GetValue(time), ct), time);
    }

    public static Command Restart(CliContext context) => Verb(
        context, "restart", "Restart one or more pods",
        (pods, id, _, ct) => pods.RestartAsync(id, ct));

    public static Command Kill(CliContext context)
    {
        var signal = Value("--signal", "Signal to send, by name or number (default KILL)", "-s");
        return Verb(context, "kill", "Send a signal to the containers of one or more pods",
            (pods, id, r, ct) => pods.KillAsync(id, r.GetValue(signal) ?? "KILL", ct), signal);
    }

    public static Command Pause(CliContext context, string verb) => verb == "pause"
        ? Verb(context, verb, "Pause one or more pods", (pods, id, _, ct) => pods.PauseAsync(id, ct))
        : Verb(context, verb, "Unpause one or more pods", UnpauseAsync);

    // Podman passes over, silently, a pod that is neither paused nor degraded.
    private static async Task<string?> UnpauseAsync(
        IPodService pods,
        string nameOrId,
        ParseResult result,
        CancellationToken cancellationToken)
    {
        var pod = await pods.GetAsync(nameOrId, cancellationToken);
        if (pod.Status is not (PodStates.Paused or PodStates.Degraded))
        {
            return null;
        }

        return (await pods.UnpauseAsync(pod.Config.Id, cancellationToken)).Config.Id;
    }

    public static Command Remove(CliContext context)
    {
        var force = Switch("--force", "Stop running containers and remove the pod", "-f");
        var ignore = Switch("--ignore", "Succeed for pods that do not exist", "-i");
        var time = Number("--time", "Seconds to wait before killing running containers", "-t");
        var idFiles = Values("--pod-id-file", "Read the pod ID from the file; the file goes with the pod");
        return Verb(context, "rm", "Remove one or more stopped pods and their containers",
            async (pods, id, r, ct) =>
            {
                try
                {
                    return await pods.RemoveAsync(id, r.GetValue(force), r.GetValue(time), ct);
                }
                catch (NotFoundException) when (r.GetValue(ignore) || r.GetValue(force))
                {
                    // As Podman: --force passes over a pod that does not exist, silently.
                    return null;
                }
                catch (WrongStateException) when (!r.GetValue(force))
                {
                    throw PodRemovalFailure.For(await pods.GetAsync(id, ct));
                }
            },
            force, ignore, time, idFiles);
    }

    public static Command Prune(CliContext context)
    {
        var force = Switch("--force", "Do not prompt for confirmation.  The default is false", "-f");
        return new Command("prune", "Remove all stopped pods and their containers").With(force)
            .WithAction(context, "pod prune", async (r, cancellationToken) =>
            {
                // Podman's warning, its doubled full stop included.
                if (!r.GetValue(force)
                    && !PruneConfirmation.Ask(context, "WARNING! This will remove all stopped/exited pods.."))
                {
                    return ExitCodes.Success;
                }

                foreach (var id in await PodCommands.Pods(context).PruneAsync(cancellationToken))
                {
                    context.Out.WriteLine(id);
                }

                return ExitCodes.Success;
            });
    }

    private static Command Verb(
        CliContext context,
        string verb,
        string description,
        Func<IPodService, string, ParseResult, CancellationToken, Task<PodView>> action,
        params Symbol[] flags) =>
        Verb(context, verb, description,
            async (pods, id, r, ct) => (await action(pods, id, r, ct)).Config.Id, flags);

    private static Command Verb(
        CliContext context,
        string verb,
        string description,
        Func<IPodService, string, ParseResult, CancellationToken, Task<string?>> action,
        params Symbol[] flags)
    {
        var all = Switch("--all", $"Act on every pod", "-a");
        var latest = Switch("--latest", "Act on the newest pod", "-l");
        var names = Names("POD");
        var key = "pod " + verb;
        return new Command(verb, description).With([.. flags, all, latest, names])
            .WithAction(context, key, async (r, cancellationToken) =>
            {
                var pods = PodCommands.Pods(context);
                var idFiles = PodIdFiles.Given(r, flags);
                var named = PodIdFiles.Read(idFiles, r.GetValue(names)!);
                var targets = await TargetsAsync(pods, named, r.GetValue(all), r.GetValue(latest), cancellationToken);
                var exitCode = ExitCodes.Success;
                foreach (var target in targets)
                {
                    try
                    {
                        if (await action(pods, target, r, cancellationToken) is { } id)
                        {
                            context.Out.WriteLine(id);
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        exitCode = ErrorMapper.Report(key, e, context.Error, context.Debug);
                        foreach (var detail in (e as PodRemovalFailure)?.Details ?? [])
                        {
                            context.Error.WriteLine("Error: " + detail);
                        }
                    }
                }

                PodIdFiles.DeleteWhen(exitCode == ExitCodes.Success, idFiles);
                return exitCode;
            });
    }

    private static async Task<IReadOnlyList<string>> TargetsAsync(
        IPodService pods,
        IReadOnlyList<string> names,
        bool all,
        bool latest,
        CancellationToken cancellationToken)
    {
        RequireNamesOrAll("pod", names, all || latest);
        if (!all && !latest)
        {
            return names;
        }

        var listed = await pods.ListAsync(cancellationToken);
        return latest
            ? listed.OrderByDescending(pod => pod.Config.Created).Take(1).Select(pod => pod.Config.Id).ToList()
            : listed.Select(pod => pod.Config.Id).ToList();
    }
}
