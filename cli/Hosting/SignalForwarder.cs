using System.Runtime.InteropServices;
using Modular.Engine.Containers;

namespace Modular.Cli.Hosting;

/// <summary>
/// While the CLI is attached to a container, the signals a terminal or a supervisor sends
/// it go to the container instead, and the CLI keeps waiting for the exit code; this is
/// how Podman's --sig-proxy behaves. Disposing restores the default handling.
/// </summary>
public sealed class SignalForwarder : IDisposable
{
    // SIGUSR1 and SIGUSR2 have no PosixSignal member; raw numbers are allowed on Linux.
    private static readonly (PosixSignal Signal, string Name)[] Forwarded =
    [
        (PosixSignal.SIGINT, "SIGINT"),
        (PosixSignal.SIGTERM, "SIGTERM"),
        (PosixSignal.SIGHUP, "SIGHUP"),
        (PosixSignal.SIGQUIT, "SIGQUIT"),
        ((PosixSignal)10, "SIGUSR1"),
        ((PosixSignal)12, "SIGUSR2"),
    ];

    private readonly List<PosixSignalRegistration> _registrations = [];

    public SignalForwarder(IContainerService containers, string containerId, TextWriter stderr)
    {
        foreach (var (signal, name) in Forwarded)
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                _ = ForwardAsync(containers, containerId, name, stderr);
            }));
        }
    }

    private static async Task ForwardAsync(
        IContainerService containers,
        string id,
        string signal,
        TextWriter stderr)
    {
        try
        {
            // The container may already be gone; a failed forward must not end the wait.
            await containers.KillAsync(id, signal, CancellationToken.None);
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"Warning: forwarding {signal} to container {id[..Math.Min(12, id.Length)]}: {e.Message}");
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
