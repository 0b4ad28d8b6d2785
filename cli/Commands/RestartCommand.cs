using System.CommandLine;
using Modular.Cli.Hosting;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>restart</c>: stop (stop signal, --time, SIGKILL) and start again.</summary>
public static class RestartCommand
{
    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Restart all non-running containers", "-a");
        var running = Switch("--running", "Restart only running containers");
        var filters = Values("--filter", "Filter output based on conditions given", "-f");
        var time = Number("--time", "Seconds to wait for stop before killing the container", "-t");
        var latest = ContainerTargets.LatestOption();
        var cidFiles = ContainerTargets.CidFileOption();
        var names = Names("CONTAINER");
        return new Command("restart", "Restart one or more containers")
            .With(all, running, filters, time, latest, cidFiles, names)
            .WithAction(context, "restart", async (r, cancellationToken) =>
            {
                var given = ContainerTargets.WithCidFiles(r.GetValue(names)!, r.GetValue(cidFiles)!);
                var wanted = r.GetValue(filters)!;
                var onlyRunning = r.GetValue(running);
                ContainerTargets.Check(given, r.GetValue(all) || onlyRunning, wanted, r.GetValue(latest));
                var targets = await ContainerTargets.ResolveAsync(
                    context,
                    given,
                    wanted,
                    c => !onlyRunning || c.State == "running",
                    cancellationToken,
                    r.GetValue(latest));
                return await ContainerTargets.EachAsync(context, "restart", targets, async target =>
                {
                    await ContainerTargets.Control(context).RestartAsync(
                        target.Id, r.GetValue(time), cancellationToken);
                    return true;
                });
            });
    }
}
