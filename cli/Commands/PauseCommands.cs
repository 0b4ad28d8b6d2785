using System.CommandLine;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>pause</c> and <c>unpause</c>: freeze and thaw containers' processes.</summary>
public static class PauseCommands
{
    public static Command Pause(CliContext context) => Create(
        context,
        "pause",
        "Pause all the processes in one or more containers",
        "Pause all running containers",
        c => c.State == "running",
        (target, ct) => ContainerTargets.Control(context).PauseAsync(target, ct));

    public static Command Unpause(CliContext context) => Create(
        context,
        "unpause",
        "Unpause the processes in one or more containers",
        "Unpause all paused containers",
        c => c.State == "paused",
        (target, ct) => ContainerTargets.Control(context).UnpauseAsync(target, ct));

    private static Command Create(
        CliContext context,
        string verb,
        string description,
        string allDescription,
        Func<Engine.Containers.ContainerInfo, bool> eligible,
        Func<string, CancellationToken, Task> act)
    {
        var all = Switch("--all", allDescription, "-a");
        var filters = Values("--filter", "Filter output based on conditions given", "-f");
        var latest = ContainerTargets.LatestOption();
        var cidFiles = ContainerTargets.CidFileOption();
        var names = Names("CONTAINER");
        return new Command(verb, description).With(all, filters, latest, cidFiles, names)
            .WithAction(context, verb, async (r, cancellationToken) =>
            {
                var given = ContainerTargets.WithCidFiles(r.GetValue(names)!, r.GetValue(cidFiles)!);
                var wanted = r.GetValue(filters)!;
                ContainerTargets.Check(given, r.GetValue(all), wanted, r.GetValue(latest));

                // As Podman: with --all or --filter a container in the wrong state is skipped.
                var targets = await ContainerTargets.ResolveAsync(
                    context, given, wanted, eligible, cancellationToken, r.GetValue(latest));
                return await ContainerTargets.EachAsync(context, verb, targets, async target =>
                {
                    await act(target.Id, cancellationToken);
                    return true;
                });
            });
    }
}
