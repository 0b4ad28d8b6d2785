using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Runtime;

namespace Modular.Engine.Containers;

/// <summary>
/// The runtime verbs the engine runs itself (conmon runs <c>create</c>): start, kill,
/// pause, resume, delete.
/// Each goes through the plugin's executable (crun's may be a wrapper) with its global args.
/// </summary>
public sealed class RuntimeCommands(OciRuntimeCommand command)
{
    public OciRuntimeCommand Command { get; } = command;

    public Task<BufferedCommandResult> StartAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["start", id], cancellationToken);

    public Task<BufferedCommandResult> KillAsync(string id, int signal, CancellationToken cancellationToken) =>
        RunAsync(["kill", id, signal.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>Freezes every process of the container (cgroup freezer).</summary>
    public Task<BufferedCommandResult> PauseAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["pause", id], cancellationToken);

    /// <summary>Thaws what <see cref="PauseAsync"/> froze.</summary>
    public Task<BufferedCommandResult> ResumeAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["resume", id], cancellationToken);

    /// <summary>The runtime's own JSON view of the container (status, pid, bundle).</summary>
    public Task<BufferedCommandResult> StateAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["state", id], cancellationToken);

    /// <summary>Applies new limits to a running container from an OCI resources JSON file.</summary>
    public Task<BufferedCommandResult> UpdateAsync(string id, string resourcesFile, CancellationToken cancellationToken) =>
        RunAsync(["update", "--resources", resourcesFile, id], cancellationToken);

    /// <summary>Removes the runtime's state for <paramref name="id"/>; fine when there is none.</summary>
    public Task<BufferedCommandResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        RunAsync(["delete", "--force", id], cancellationToken);

    /// <summary>
    /// Runs a process in the running container (<c>runtime exec</c>), which takes its
    /// defaults (env, cwd, user) from the container's config.json; <paramref name="options"/>
    /// adds to them. The result's exit code is the process's own.
    /// </summary>
    public Task<CommandResult> ExecAsync(
        string id,
        IReadOnlyList<string> argv,
        ExecOptions options,
        PipeTarget output,
        PipeTarget error,
        CancellationToken forceful,
        CancellationToken graceful)
    {
        var verb = new List<string> { "exec" };
        foreach (var entry in options.Env)
        {
            verb.AddRange(["--env", entry]);
        }

        if (options.WorkingDir is { Length: > 0 } cwd)
        {
            verb.AddRange(["--cwd", cwd]);
        }

        if (options.User is { Length: > 0 } user)
        {
            verb.AddRange(["--user", user]);
        }

        verb.Add(id);
        verb.AddRange(argv);
        return ExecVerbAsync(verb, output, error, forceful, graceful);
    }

    /// <summary>
    /// Runs the process described by <paramref name="processFile"/> (an OCI process object)
    /// in the running container: <c>runtime exec --process FILE ID</c>, as Podman runs every
    /// exec, so the user's groups and the umask are the container's own.
    /// </summary>
    public Task<CommandResult> ExecProcessAsync(
        string id,
        string processFile,
        PipeTarget output,
        PipeTarget error,
        CancellationToken forceful,
        CancellationToken graceful) =>
        ExecVerbAsync(["exec", "--process", processFile, id], output, error, forceful, graceful);

    private Task<CommandResult> ExecVerbAsync(
        IEnumerable<string> verb,
        PipeTarget output,
        PipeTarget error,
        CancellationToken forceful,
        CancellationToken graceful)
    {
        return Cli.Wrap(Command.Executable)
            .WithArguments(Command.GlobalArguments.Concat(verb))
            .WithStandardOutputPipe(output)
            .WithStandardErrorPipe(error)
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(forceful, graceful)
            .Task;
    }

    private async Task<BufferedCommandResult> RunAsync(string[] verb, CancellationToken cancellationToken)
    {
        return await Cli.Wrap(Command.Executable)
            .WithArguments(Command.GlobalArguments.Concat(verb))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
    }
}
