using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using Modular.Engine.Health;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>healthcheck run</c>, and the hidden <c>healthcheck timer</c> the engine spawns.</summary>
public static class HealthcheckCommand
{
    public static Command Create(CliContext context) =>
        new Command("healthcheck", "Manage health checks on containers").With(Run(context), Timer(context));

    private static Command Run(CliContext context)
    {
        var name = One("CONTAINER");
        var ignoreResult = Switch(
            "--ignore-result",
            "Exit with code 0 regardless of healthcheck result or if the container is still in startup period");
        return new Command("run", "Run the container's healthcheck once: exit 0 healthy, 1 not")
            .With(ignoreResult, name)
            .WithAction(context, "healthcheck run", async (r, cancellationToken) =>
            {
                var health = context.Services.GetRequiredService<IContainerHealth>();
                var status = await health.RunHealthCheckAsync(r.GetValue(name)!, cancellationToken);
                if (status == HealthState.Healthy)
                {
                    return ExitCodes.Success;
                }

                // Podman prints the status word only when the check did not pass.
                context.Out.WriteLine(status);
                return r.GetValue(ignoreResult) ? ExitCodes.Success : 1;
            });
    }

    /// <summary>The detached timer process (see <see cref="HealthTimer"/>); never typed by users.</summary>
    private static Command Timer(CliContext context)
    {
        var id = One("ID");
        var command = new Command("timer", "Run a container's healthcheck on its interval") { Hidden = true };
        return command.With(id).WithAction(context, "healthcheck timer", async (r, cancellationToken) =>
        {
            var health = context.Services.GetRequiredService<IContainerHealth>();
            await health.RunHealthTimerAsync(r.GetValue(id)!, cancellationToken);
            return ExitCodes.Success;
        });
    }
}
