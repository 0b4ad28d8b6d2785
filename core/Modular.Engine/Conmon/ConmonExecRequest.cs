namespace Modular.Engine.Conmon;

/// <summary>One exec session under its own conmon (conmon --exec, API version 1).</summary>
/// <param name="Directory">The session's own directory: process spec, pid, attach socket, ctl.</param>
/// <param name="Attach">--exec-attach: the process waits until the client is connected.</param>
/// <param name="PidDirectory">Where conmon writes exec_pid; null for <paramref name="Directory"/>.</param>
/// <param name="Preserved">Descriptors of this process passed into the process, or null.</param>
public sealed record ConmonExecRequest(
    string ConmonPath,
    string ContainerId,
    string SessionId,
    string Name,
    string RuntimeExecutable,
    IReadOnlyList<string> RuntimeArguments,
    string Directory,
    bool Terminal,
    bool Stdin,
    bool Attach,
    string LogLevel,
    string? PidDirectory = null,
    FdPassthrough? Preserved = null)
{
    public string PidFile => Path.Combine(PidDirectory ?? Directory, "exec_pid");

    public string ProcessSpec => Path.Combine(Directory, "exec-process.json");

    public string ControlFifo => Path.Combine(Directory, "ctl");

    public string ExitFile => Path.Combine(Directory, "exit");

    public List<string> Arguments()
    {
        var args = new List<string>
        {
            "--api-version", "1",
            "-c", ContainerId,
            "-u", SessionId,
            "-r", RuntimeExecutable,
            "-b", Directory,
            "-p", PidFile,
            "-n", Name,
            // conmon writes the exit status to PERSIST/exit (and to EXIT-DIR/ID, not asked for).
            "--persist-dir", Directory,
            "--full-attach",
            "--socket-dir-path", Directory,
            "-l", "none:/dev/null",
            "--log-level", LogLevel,
            "--exec",
            "--exec-process-spec", ProcessSpec,
        };
        foreach (var runtimeArgument in RuntimeArguments)
        {
            args.AddRange(["--runtime-arg", runtimeArgument]);
        }

        if (Terminal)
        {
            args.Add("-t");
        }
        else if (Stdin)
        {
            args.Add("-i");
        }

        if (Attach)
        {
            args.Add("--exec-attach");
        }

        if (Preserved is { Span: > 0 } preserved)
        {
            // conmon hands --runtime-opt to `runtime exec`, which keeps 3 to SPAN+2 open.
            args.AddRange(["--runtime-opt", "--preserve-fds", "--runtime-opt",
                preserved.Span.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return args;
    }
}
