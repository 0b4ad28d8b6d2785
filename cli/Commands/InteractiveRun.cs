using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Cli.Terminal;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>run -i/-t</c> and <c>start -a</c> of a container with a terminal or stdin: our
/// terminal joins the container's until it exits (its code becomes ours) or the detach
/// keys leave it running (exit 0, and --rm waits for a later exit, as Podman's does).
/// </summary>
public static class InteractiveRun
{
    /// <param name="Stdin">Forward our stdin.</param>
    /// <param name="Tty">The container has a terminal.</param>
    public sealed record Mode(bool Stdin, bool Tty, bool AutoRemove);

    /// <summary>The interactive mode for start -a, or null when plain output suffices.</summary>
    public static async Task<Mode?> ModeOfAsync(
        CliContext context,
        ContainerInfo container,
        bool interactive,
        CancellationToken cancellationToken)
    {
        var config = (await context.Containers.InspectAsync(container.Id, cancellationToken))["Config"];
        var tty = config?["Tty"]?.GetValue<bool>() ?? false;
        var openStdin = config?["OpenStdin"]?.GetValue<bool>() ?? false;
        return tty || interactive || container.State == "running"
            ? new Mode(interactive && openStdin, tty, container.AutoRemove)
            : null;
    }

    public static async Task<int> RunAsync(
        CliContext context,
        string id,
        Mode mode,
        byte[] detachKeys,
        bool sigProxy,
        CancellationToken cancellationToken)
    {
        var attach = context.Services.GetRequiredService<IContainerAttach>();
        WarnWithoutTerminal(context, mode);
        var detached = false;
        try
        {
            // Without --sig-proxy, SIGINT and SIGTERM are modpod's own again: they end it.
            context.Attached = sigProxy;
            using var forwarder = sigProxy ? new SignalForwarder(context.Containers, id, context.Error) : null;
            await using var client = InteractiveClient.Open(context, mode.Stdin, mode.Tty, detachKeys, sigProxy);
            var running = (await context.Containers.ResolveAsync(id, cancellationToken)).State == "running";
            var result = running
                ? await attach.AttachAsync(id, client.Streams, cancellationToken)
                : await attach.StartAttachedAsync(id, client.Streams, cancellationToken);
            detached = result.Detached;
            return result.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // modpod was stopped, not the container: as after a detach, --rm waits for its exit.
            detached = true;
            throw;
        }
        finally
        {
            context.Attached = false;
            if (mode.AutoRemove && !detached)
            {
                await RunCommand.RemoveQuietlyAsync(context, id);
            }
        }
    }

    private static void WarnWithoutTerminal(CliContext context, Mode mode)
    {
        if (mode.Tty && mode.Stdin && !TerminalNative.IsTerminal(TerminalNative.StdinFd))
        {
            context.Error.WriteLine(
                "The input device is not a TTY. The --tty and --interactive flags might not work properly");
        }
    }
}
