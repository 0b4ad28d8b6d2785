using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Cli.Terminal;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>exec CONTAINER COMMAND...</c>: the process's exit code becomes ours (126/127 when it
/// cannot be run). A plain exec runs through the runtime directly; with -i, -t, -d or
/// --privileged it gets its own conmon, which holds its terminal and stdin.
/// </summary>
public static class ExecCommand
{
    public static Command Create(CliContext context)
    {
        var f = new ExecFlags();
        return f.AddTo(new Command("exec", "Run a process in a running container"))
            .WithAction(context, "exec", async (r, cancellationToken) =>
            {
                if (context.ContainerCommand.Count == 0)
                {
                    throw new UsageException("must provide a non-empty command to start an exec session");
                }

                // Bad keys are refused before a session exists, as run refuses them.
                var keys = f.Attach.Keys(r, context);
                var env = EnvironmentResolver.Resolve(
                    r.GetValue(f.EnvFile)!,
                    r.GetValue(f.Env)!,
                    Environment.GetEnvironmentVariable);
                var options = new ExecOptions(
                    env,
                    r.GetValue(f.Workdir),
                    r.GetValue(f.User),
                    r.GetValue(f.Privileged),
                    f.PreserveFds.Parse(r));
                var name = r.GetValue(f.Name)!;
                if (f.NeedsConmon(r))
                {
                    return await ExecWithConmonAsync(context, f, r, name, options, keys, cancellationToken);
                }

                var health = context.Services.GetRequiredService<IContainerHealth>();
                await using var stdout = context.OpenStdout();
                await using var stderr = context.OpenStderr();
                return await health.ExecAsync(
                    name,
                    context.ContainerCommand,
                    options,
                    stdout,
                    stderr,
                    cancellationToken);
            });
    }

    private static async Task<int> ExecWithConmonAsync(
        CliContext context,
        ExecFlags f,
        ParseResult r,
        string name,
        ExecOptions options,
        byte[] keys,
        CancellationToken cancellationToken)
    {
        var attach = context.Services.GetRequiredService<IContainerAttach>();
        var tty = r.GetValue(f.Tty);
        if (r.GetValue(f.Detach))
        {
            AttachResult started;
            try
            {
                started = await attach.ExecAttachedAsync(
                    name,
                    context.ContainerCommand,
                    options,
                    tty,
                    null,
                    cancellationToken);
            }
            catch (ModularException e) when (e is CommandNotFoundException or CannotInvokeException)
            {
                // Podman's detached exec has no command exit code to pass on: a session that
                // cannot start is an engine failure (125), not 126 or 127.
                throw new BackendException(e.Message, e);
            }

            await context.Out.WriteLineAsync(started.SessionId);
            return 0;
        }

        await using var client = InteractiveClient.Open(context, r.GetValue(f.Interactive), tty, keys, true);
        var result = await attach.ExecAttachedAsync(
            name,
            context.ContainerCommand,
            options,
            tty,
            client.Streams,
            cancellationToken);
        return result.ExitCode;
    }
}
