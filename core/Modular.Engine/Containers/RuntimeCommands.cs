using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Runtime;

namespace Modular.Engine.Containers;

/// <summary>
/// The runtime verbs the engine runs itself (conmon runs <c>create</c>): start, kill, delete.
/// Each goes through the plugin's executable (crun's may be a wrapper) with its global args.
/// </summary>
public sealed class RuntimeCommands(OciRuntimeCommand command)
{
    public OciRuntimeCommand Command { get; } = command;

    public Task<BufferedCommandResult> StartAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["start", id], cancellationToken);

    public Task<BufferedCommandResult> KillAsync(string id, int signal, CancellationToken cancellationToken) =>
        RunAsync(["kill", id, signal.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>The runtime's own JSON view of the container (status, pid, bundle).</summary>
    public Task<BufferedCommandResult> StateAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["state", id], cancellationToken);

    /// <summary>Removes the runtime's state for <paramref name="id"/>; fine when there is none.</summary>
    public Task<BufferedCommandResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["delete", "--force", id], cancellationToken);

    private async Task<BufferedCommandResult> RunAsync(string[] verb, CancellationToken cancellationToken)
    {
        return await Cli.Wrap(Command.Executable)
            .WithArguments(Command.GlobalArguments.Concat(verb))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
    }
}
