using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>container prune</c>: removes every container that is not running; prints their IDs.</summary>
public static class ContainerPruneCommand
{
    public static Command Create(CliContext context)
    {
        var force = Switch("--force", "Do not prompt for confirmation.  The default is false", "-f");
        var filters = Values("--filter", "Provide filter values (e.g. 'label=<key>=<value>')");
        return new Command("prune", "Remove all non running containers").With(force, filters)
            .WithAction(context, "container prune", async (r, cancellationToken) =>
            {
                var filter = ContainerPruneFilter.Parse(r.GetValue(filters)!, context.Now());
                if (!r.GetValue(force) && !PruneConfirmation.Ask(context, "WARNING! This will remove all non running containers."))
                {
                    return ExitCodes.Success;
                }

                var list = await context.Containers.ListAsync(true, cancellationToken);
                var code = ExitCodes.Success;
                // The infra goes only with its pod (pod rm, pod prune), as in Podman.
                foreach (var container in list.Where(filter.Matches).Where(c => !c.IsInfra))
                {
                    code = await RemoveAsync(context, container.Id, cancellationToken) ?? code;
                }

                return code;
            });
    }

    // Podman prints the ID of each pruned container, and of each that failed, with its error.
    private static async Task<int?> RemoveAsync(CliContext context, string id, CancellationToken cancellationToken)
    {
        try
        {
            await context.Containers.RemoveAsync(id, false, null, cancellationToken);
            context.Out.WriteLine(id);
            return null;
        }
        catch (NotFoundException)
        {
            // Removed meanwhile (a --rm container's exit command): nothing left to prune.
            return null;
        }
        catch (ModularException e)
        {
            context.Out.WriteLine(id);
            return ErrorMapper.Report("container prune", e, context.Error, context.Debug);
        }
    }
}
