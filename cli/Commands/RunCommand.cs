using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;

namespace Modular.Cli.Commands;

/// <summary><c>run</c>, <c>create</c> and <c>start</c>.</summary>
public static class RunCommand
{
    public static Command Run(CliContext context)
    {
        var flags = new RunFlags();
        var command = flags.AddTo(new Command("run", "Start a new container from an image"));
        return command.WithAction(context, "run", async (r, cancellationToken) =>
        {
            var detach = r.GetValue(flags.Detach);
            var request = flags.ToRequest(
                r,
                context.ContainerCommand,
                !detach,
                Environment.GetEnvironmentVariable);
            WarnDiscardedPorts(context, request);
            request = request with
            {
                Resources = ResourceOptions.DiscardUnsupported(request.Resources, context.Error),
                PullProgress = context.Error,
            };
            request = await TransportPull.ForContainerAsync(context, request, cancellationToken);

            // Bad keys and a taken --cidfile are refused before anything is created, as in Podman.
            var detachKeys = flags.Attach.Keys(r, context);
            await using var idFile = IdFile.Open(r.GetValue(flags.CidFile));
            request = flags.Lifetime.AddTo(
                r, request, r.GetResult(flags.Remove) is { Implicit: false }, idFile.FullPath, context.Error);
            request = RunLifetimeFlags.WithConfigDefaults(
                r, flags.Security, request, context.Services.GetService<EngineOptions>());
            await ReplaceFlag.RemoveExistingAsync(context, r.GetValue(flags.Replace), request.Name, cancellationToken);
            var created = await PodMembership.CreateContainerAsync(context, request, cancellationToken);
            await idFile.WriteAsync(created.Id, cancellationToken);
            if (detach)
            {
                await context.Containers.StartAsync(created.Id, cancellationToken);
                context.Out.WriteLine(created.Id);
                return ExitCodes.Success;
            }

            if (request.Tty || request.Interactive)
            {
                return await InteractiveRun.RunAsync(
                    context,
                    created.Id,
                    new InteractiveRun.Mode(request.Interactive, request.Tty, request.AutoRemove),
                    detachKeys,
                    r.GetValue(flags.Attach.SigProxy),
                    cancellationToken);
            }

            var streams = flags.Streams.Selected(r);
            if (streams is not null && !streams.Contains("stdout") && !streams.Contains("stderr"))
            {
                // Podman prints the ID when no output stream is attached.
                context.Out.WriteLine(created.Id);
            }

            return await AttachAsync(
                context,
                created.Id,
                request.AutoRemove,
                r.GetValue(flags.Attach.SigProxy),
                streams,
                cancellationToken);
        });
    }

    public static Command Create(CliContext context)
    {
        var flags = new RunFlags();
        var command = flags.AddTo(
            new Command("create", "Create a container from an image, without starting it"));
        return command.WithAction(context, "create", async (r, cancellationToken) =>
        {
            var request = flags.ToRequest(
                r,
                context.ContainerCommand,
                false,
                Environment.GetEnvironmentVariable);
            WarnDiscardedPorts(context, request);
            request = request with
            {
                Resources = ResourceOptions.DiscardUnsupported(request.Resources, context.Error),
                PullProgress = context.Error,
            };
            request = await TransportPull.ForContainerAsync(context, request, cancellationToken);
            await using var idFile = IdFile.Open(r.GetValue(flags.CidFile));
            request = flags.Lifetime.AddTo(
                r, request, r.GetResult(flags.Remove) is { Implicit: false }, idFile.FullPath, context.Error);
            request = RunLifetimeFlags.WithConfigDefaults(
                r, flags.Security, request, context.Services.GetService<EngineOptions>());
            await ReplaceFlag.RemoveExistingAsync(context, r.GetValue(flags.Replace), request.Name, cancellationToken);
            var created = await PodMembership.CreateContainerAsync(context, request, cancellationToken);
            await idFile.WriteAsync(created.Id, cancellationToken);
            context.Out.WriteLine(created.Id);
            return ExitCodes.Success;
        });
    }

    public static Command Start(CliContext context)
    {
        var attach = CommandKit.Switch(
            "--attach",
            "Stay attached, print the output and exit with its code",
            "-a");
        var all = CommandKit.Switch("--all", "Start every container that is not running");
        var filters = CommandKit.Values(
            "--filter",
            "With --all, start only containers matching KEY=VALUE (restart-policy, status, name, label, id)",
            "-f");
        var interactive = CommandKit.Switch("--interactive", "Attach the container's stdin", "-i");
        var terminal = new InteractiveFlags();
        var names = CommandKit.Names("CONTAINER");
        var command = new Command("start", "Start created or stopped containers")
            .With(attach, all, filters, interactive, names);
        return terminal.AddTo(command)
            .WithAction(context, "start", async (r, cancellationToken) =>
            {
                var targets = await StartTargetsAsync(
                    context,
                    r.GetValue(names)!,
                    r.GetValue(all),
                    r.GetValue(filters)!,
                    cancellationToken);
                if (r.GetValue(attach))
                {
                    if (targets.Length > 1)
                    {
                        throw new UsageException("you cannot start and attach multiple containers at once");
                    }

                    var container = await context.Containers.ResolveAsync(targets[0], cancellationToken);
                    if (await InteractiveRun.ModeOfAsync(context, container, r.GetValue(interactive), cancellationToken)
                        is { } mode)
                    {
                        return await InteractiveRun.RunAsync(
                            context,
                            container.Id,
                            mode,
                            terminal.Keys(r, context),
                            r.GetValue(terminal.SigProxy),
                            cancellationToken);
                    }

                    return await AttachAsync(
                        context,
                        container.Id,
                        container.AutoRemove,
                        r.GetValue(terminal.SigProxy),
                        null,
                        cancellationToken);
                }

                foreach (var target in targets)
                {
                    await context.Containers.StartAsync(target, cancellationToken);
                    context.Out.WriteLine(target);
                }

                return ExitCodes.Success;
            });
    }

    /// <summary>
    /// The names given, or with --all every container not running that matches the filters
    /// (the shipped modpod-restart.service runs <c>start --all --filter restart-policy=always</c>).
    /// </summary>
    private static async Task<string[]> StartTargetsAsync(
        CliContext context,
        string[] names,
        bool all,
        string[] filters,
        CancellationToken cancellationToken)
    {
        CommandKit.RequireNamesOrAll("container", names, all);
        if (!all)
        {
            return names;
        }

        var list = await context.Containers.ListAsync(true, cancellationToken);
        var stopped = list.Where(c => c.State != "running");
        return PsCommand.Select(stopped, filters, false, null).Reverse().Select(c => c.Id).ToArray();
    }

    /// <summary>
    /// Starts attached with signals forwarded (unless --sig-proxy=false), returns the
    /// container's exit code and, for --rm, removes it (conmon's exit command may have done
    /// so already; both are fine).
    /// </summary>
    private static async Task<int> AttachAsync(
        CliContext context,
        string id,
        bool autoRemove,
        bool sigProxy,
        IReadOnlySet<string>? streams,
        CancellationToken cancellationToken)
    {
        var abandoned = false;
        try
        {
            // Without --sig-proxy, SIGINT and SIGTERM end modpod and leave the container running.
            context.Attached = sigProxy;
            using var forwarder = sigProxy ? new SignalForwarder(context.Containers, id, context.Error) : null;
            await using var stdout = streams?.Contains("stdout") == false ? Stream.Null : context.OpenStdout();
            await using var stderr = streams?.Contains("stderr") == false ? Stream.Null : context.OpenStderr();
            return await context.Containers.StartAttachedAsync(id, stdout, stderr, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // modpod was stopped, not the container: --rm is left to conmon's exit command.
            abandoned = true;
            throw;
        }
        finally
        {
            context.Attached = false;
            if (autoRemove && !abandoned)
            {
                await RemoveQuietlyAsync(context, id);
            }
        }
    }

    private static void WarnDiscardedPorts(CliContext context, Engine.Containers.CreateContainerRequest request)
    {
        if (RunFlags.DiscardedPortsWarning(request) is { } warning)
        {
            context.Error.WriteLine(warning);
        }
    }

    internal static async Task RemoveQuietlyAsync(CliContext context, string id)
    {
        try
        {
            // Removal must finish even after Ctrl-C, hence its own token and time limit.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await context.Containers.RemoveAsync(id, true, null, timeout.Token);
        }
        catch (NotFoundException)
        {
            // conmon's exit command (container cleanup) removed it first.
        }
        catch (ModularException e)
        {
            // The container's exit code is the result the user asked for; a failed
            // removal is reported but must not replace it.
            await context.Error.WriteLineAsync($"Warning: removing container {id}: {e.Message}");
        }
    }
}
