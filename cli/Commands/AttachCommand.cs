using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Cli.Terminal;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>attach CONTAINER</c>: our terminal joins a running container's until it exits or the
/// detach keys are typed. As Podman's, it ends with a newline on stdout and exit code 0.
/// </summary>
public static class AttachCommand
{
    public static Command Create(CliContext context)
    {
        var noStdin = Switch("--no-stdin", "Do not attach STDIN. The default is false");
        var flags = new InteractiveFlags();
        var name = One("CONTAINER");
        var command = new Command("attach", "Attach to a running container").With(noStdin, name);
        return flags.AddTo(command).WithAction(context, "attach", async (r, cancellationToken) =>
        {
            var container = await context.Containers.ResolveAsync(r.GetValue(name)!, cancellationToken);
            var config = (await context.Containers.InspectAsync(container.Id, cancellationToken))["Config"];
            var tty = config?["Tty"]?.GetValue<bool>() ?? false;
            var attach = context.Services.GetRequiredService<IContainerAttach>();
            var keys = flags.Keys(r, context);
            try
            {
                context.Attached = r.GetValue(flags.SigProxy);
                using var forwarder = r.GetValue(flags.SigProxy)
                    ? new SignalForwarder(context.Containers, container.Id, context.Error)
                    : null;
                await using var client = InteractiveClient.Open(
                    context,
                    !r.GetValue(noStdin),
                    tty,
                    keys,
                    r.GetValue(flags.SigProxy));
                await attach.AttachAsync(container.Id, client.Streams, cancellationToken);
            }
            finally
            {
                context.Attached = false;
            }

            await context.Out.WriteLineAsync();
            return 0;
        });
    }
}
