using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Health;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>wait</c>: by default until each container exits, printing its exit code. With
/// <c>--condition</c> (repeatable; any one suffices) it polls every <c>--interval</c> for a
/// state or a health status and prints -1, as Podman does for anything but an exit.
/// </summary>
public static class WaitCommand
{
    private static readonly HashSet<string> States =
    [
        "configured", "created", "exited", "initialized", "paused", "removing", "running",
        "stopped", "stopping", "unknown", HealthState.Healthy, HealthState.Unhealthy,
    ];

    public static Command Create(CliContext context)
    {
        var condition = Values("--condition", "Condition to wait for: a state, healthy or unhealthy");
        var interval = Value("--interval", "Time between polls, e.g. 250ms (default)", "-i");
        var ignore = Switch("--ignore", "Print -1 for a container that does not exist, not an error");
        var names = Names("CONTAINER", 1);
        return new Command("wait", "Wait for containers to exit, or to meet a condition")
            .With(condition, interval, ignore, names)
            .WithAction(context, "wait", async (r, cancellationToken) =>
            {
                var conditions = Validate(r.GetValue(condition)!);
                var every = GoDuration.Parse(r.GetValue(interval) ?? "250ms");
                foreach (var name in r.GetValue(names)!)
                {
                    try
                    {
                        var code = await WaitOneAsync(context, name, conditions, every, cancellationToken);
                        context.Out.WriteLine(code);
                    }
                    catch (NotFoundException) when (r.GetValue(ignore))
                    {
                        context.Out.WriteLine(-1);
                    }
                }

                return ExitCodes.Success;
            });
    }

    private static IReadOnlyList<string> Validate(IReadOnlyList<string> conditions)
    {
        foreach (var c in conditions)
        {
            if (!States.Contains(c))
            {
                throw new UsageException($"unknown container state: {c}: invalid argument");
            }
        }

        return conditions;
    }

    private static async Task<int> WaitOneAsync(
        CliContext context,
        string name,
        IReadOnlyList<string> conditions,
        TimeSpan interval,
        CancellationToken cancellationToken)
    {
        if (conditions.All(c => c is "stopped" or "exited"))
        {
            return await context.Containers.WaitAsync(name, cancellationToken);
        }

        var pause = interval > TimeSpan.Zero ? interval : TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var info = await context.Containers.ResolveAsync(name, cancellationToken);
            if (conditions.FirstOrDefault(c => Meets(info, c)) is { } met)
            {
                return met is "stopped" or "exited" ? info.ExitCode ?? 0 : -1;
            }

            await Task.Delay(pause, cancellationToken);
        }
    }

    private static bool Meets(ContainerInfo info, string condition) => condition switch
    {
        HealthState.Healthy or HealthState.Unhealthy => info.HealthStatus == condition,
        "stopped" or "exited" => info.State is "exited" or "stopped",
        "created" or "configured" => info.State is "created" or "configured",
        _ => info.State == condition,
    };
}
