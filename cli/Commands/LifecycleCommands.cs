using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>stop, kill, rm, container exists and the hidden container cleanup.</summary>
public static class LifecycleCommands
{
    public static Command Stop(CliContext context)
    {
        var all = Switch("--all", "Stop every running container", "-a");
        var time = Number("--time", "Seconds to wait after the stop signal before killing", "-t");
        var names = Names("CONTAINER");
        return new Command("stop", "Stop containers, killing any still running after a timeout")
            .With(all, time, names)
            .WithAction(context, "stop", async (r, cancellationToken) =>
            {
                var targets = await TargetsAsync(
                    context,
                    r.GetValue(names)!,
                    r.GetValue(all),
                    false,
                    cancellationToken);
                return await EachAsync(context, "stop", targets, async t =>
                {
                    await context.Containers.StopAsync(t, r.GetValue(time), cancellationToken);
                    return true;
                });
            });
    }

    public static Command Kill(CliContext context)
    {
        var all = Switch("--all", "Send the signal to every running container", "-a");
        var signal = Value("--signal", "Signal to send, by name or number (default KILL)", "-s");
        var names = Names("CONTAINER");
        return new Command("kill", "Send a signal to running containers").With(all, signal, names)
            .WithAction(context, "kill", async (r, cancellationToken) =>
            {
                var targets = await TargetsAsync(
                    context,
                    r.GetValue(names)!,
                    r.GetValue(all),
                    false,
                    cancellationToken);
                var name = r.GetValue(signal) ?? "KILL";
                return await EachAsync(context, "kill", targets, async t =>
                {
                    await context.Containers.KillAsync(t, name, cancellationToken);
                    return true;
                });
            });
    }

    public static Command Remove(CliContext context, string key)
    {
        var force = Switch("--force", "Stop running containers first; skip missing ones", "-f");
        var all = Switch("--all", "Remove every container", "-a");
        var time = Number("--time", "Seconds to let a running container stop before killing", "-t");
        var ignore = Switch("--ignore", "Skip names that match no container", "-i");
        var volumes = Switch("--volumes", "Remove the containers' anonymous volumes too", "-v");
        var depend = Switch("--depend", "Remove container and all containers that depend on it");
        var names = Names("CONTAINER");
        return new Command("rm", "Delete containers").With(force, all, time, ignore, volumes, depend, names)
            .WithAction(context, key, async (r, cancellationToken) =>
            {
                var targets = await TargetsAsync(
                    context,
                    r.GetValue(names)!,
                    r.GetValue(all),
                    true,
                    cancellationToken);
                if (r.GetValue(all))
                {
                    targets = await InfraContainers.WithoutInfraAsync(context, targets, cancellationToken);
                }

                var ordered = r.GetValue(depend) || r.GetValue(all);
                var dependents = new DependentRemoval(context, r.GetValue(force), r.GetValue(time));
                return await EachAsync(context, key, targets, async t =>
                {
                    try
                    {
                        // Removed (and printed) already as another target's dependent.
                        if (ordered && dependents.Removed(t))
                        {
                            return false;
                        }

                        // True: an infra, gone with its pod.
                        if (ordered && await dependents.RemoveDependentsAsync(t, cancellationToken))
                        {
                            return true;
                        }

                        var anonymous = await AnonymousVolumes.OfAsync(context, t, r.GetValue(volumes), cancellationToken);
                        await context.Containers.RemoveAsync(
                            t,
                            r.GetValue(force),
                            r.GetValue(time),
                            cancellationToken);
                        await AnonymousVolumes.RemoveAsync(context, anonymous, cancellationToken);
                        return true;
                    }
                    catch (NotFoundException) when (r.GetValue(ignore) || r.GetValue(force))
                    {
                        return false;
                    }
                    catch (NotFoundException e) when (e.Message.StartsWith(NameOrId, StringComparison.Ordinal))
                    {
                        // Podman's rm words it the other way round; scripts match the text.
                        throw new NotFoundException("no container with ID or name" + e.Message[NameOrId.Length..], e);
                    }
                });
            });
    }

    private const string NameOrId = "no container with name or ID";

    public static Command Exists(CliContext context)
    {
        var name = One("CONTAINER");
        return new Command("exists", "Exit with 0 if the container exists, 1 if not").With(name)
            .WithAction(context, "container exists", async (r, cancellationToken) =>
            {
                try
                {
                    await context.Containers.ResolveAsync(r.GetValue(name)!, cancellationToken);
                    return ExitCodes.Success;
                }
                catch (NotFoundException)
                {
                    return ExitCodes.NoSuchObject;
                }
            });
    }

    /// <summary>Called by conmon's exit command; flags Podman passes there are accepted.</summary>
    public static Command Cleanup(CliContext context)
    {
        var remove = Switch("--rm", "Accepted and ignored: the engine knows about --rm");
        var all = Switch("--all", "Clean up after every container", "-a");
        var names = Names("CONTAINER");
        var command = new Command("cleanup", "Release what exited containers hold (run by conmon)")
        {
            Hidden = true,
        };
        return command.With(remove, all, names).WithAction(context, "container cleanup", async (r, cancellationToken) =>
        {
            var targets = await TargetsAsync(
                context,
                r.GetValue(names)!,
                r.GetValue(all),
                true,
                cancellationToken);
            return await EachAsync(context, "container cleanup", targets, async t =>
            {
                await context.Containers.CleanupAsync(t, cancellationToken);
                return false;
            });
        });
    }

    private static async Task<IReadOnlyList<string>> TargetsAsync(
        CliContext context,
        string[] names,
        bool all,
        bool includeStopped,
        CancellationToken cancellationToken)
    {
        RequireNamesOrAll("container", names, all);
        return all ? (await context.Containers.ListAsync(includeStopped, cancellationToken)).Select(c => c.Id).ToList() : names;
    }

    /// <summary>Acts on each target, printing it as typed; reports each failure, exits with the last code.</summary>
    private static async Task<int> EachAsync(
        CliContext context,
        string key,
        IEnumerable<string> targets,
        Func<string, Task<bool>> act)
    {
        var code = ExitCodes.Success;
        foreach (var target in targets)
        {
            try
            {
                if (await act(target))
                {
                    context.Out.WriteLine(target);
                }
            }
            catch (ModularException e)
            {
                // As in Podman, "no such container" (1) is kept once set; otherwise the last wins.
                var failure = ErrorMapper.Report(key, e, context.Error, context.Debug);
                code = code == ExitCodes.NoSuchObject ? code : failure;
            }
        }

        return code;
    }
}
