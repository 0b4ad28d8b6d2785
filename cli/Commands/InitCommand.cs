using System.CommandLine;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>init</c>: prepare containers (rootfs, spec, network, runtime create) unstarted.</summary>
public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Initialize all containers", "-a");
        var latest = ContainerTargets.LatestOption();
        var names = Names("CONTAINER");
        return new Command("init", "Initialize one or more containers").With(all, latest, names)
            .WithAction(context, "init", async (r, cancellationToken) =>
            {
                var given = r.GetValue(names)!;
                var everything = r.GetValue(all);
                ContainerTargets.Check(given, everything, latest: r.GetValue(latest));
                var targets = await ContainerTargets.ResolveAsync(
                    context, given, [], _ => true, cancellationToken, r.GetValue(latest));
                return await ContainerTargets.EachAsync(context, "init", targets, async target =>
                {
                    try
                    {
                        await ContainerTargets.Control(context).InitAsync(target.Id, cancellationToken);
                    }
                    catch (WrongStateException) when (everything)
                    {
                        // As Podman: --all passes over containers initialized already.
                    }

                    return true;
                });
            });
    }
}
