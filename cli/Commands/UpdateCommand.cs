using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>update</c>: changes the resource limits of a container, running or not, and prints
/// its full ID as Podman does. Flags not given keep their value.
/// </summary>
public static class UpdateCommand
{
    public static Command Create(CliContext context)
    {
        var limits = new ResourceOptions();
        var name = One("CONTAINER");
        var command = limits.AddUpdateFlagsTo(
            new Command("update", "Update the cgroup configuration of a given container").With(name));
        return command.WithAction(context, "update", async (r, cancellationToken) =>
        {
            var flags = ResourceOptions.DiscardUnsupported(limits.ToFlags(r), context.Error);
            var resources = context.Services.GetRequiredService<IContainerResources>();
            var updated = await resources.UpdateAsync(r.GetValue(name)!, flags, cancellationToken);
            context.Out.WriteLine(updated.Id);
            return ExitCodes.Success;
        });
    }
}
