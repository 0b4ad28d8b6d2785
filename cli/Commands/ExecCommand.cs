using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>exec CONTAINER COMMAND...</c> without a terminal or stdin: the process's output goes
/// to ours and its exit code becomes ours. Limitation: <c>-i</c>, <c>-t</c> and <c>-d</c>
/// belong to the interactive work and are not offered here.
/// </summary>
public static class ExecCommand
{
    public static Command Create(CliContext context)
    {
        var env = Values("--env", "Set NAME=VALUE in the process's environment; repeatable", "-e");
        var workdir = Value("--workdir", "Directory inside the container to run in", "-w");
        var user = Value("--user", "Run as this uid[:gid]", "-u");
        var name = One("CONTAINER");
        return new Command("exec", "Run a process in a running container").With(env, workdir, user, name)
            .WithAction(context, "exec", async (r, cancellationToken) =>
            {
                if (context.ContainerCommand.Count == 0)
                {
                    throw new UsageException("must provide a non-empty command to start an exec session");
                }

                var options = new ExecOptions(r.GetValue(env)!, r.GetValue(workdir), r.GetValue(user));
                var health = context.Services.GetRequiredService<IContainerHealth>();
                await using var stdout = context.OpenStdout();
                await using var stderr = context.OpenStderr();
                return await health.ExecAsync(
                    r.GetValue(name)!,
                    context.ContainerCommand,
                    options,
                    stdout,
                    stderr,
                    cancellationToken);
            });
    }
}
