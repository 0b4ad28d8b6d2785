namespace Modular.Engine.Conmon;

/// <summary>Everything conmon is told about one container.</summary>
/// <param name="LogDriver">k8s-file, none or passthrough.</param>
/// <param name="ExitCommand">Absolute path of modpod (or a test's stand-in) run after exit.</param>
/// <param name="Terminal">conmon -t: the runtime hands conmon the terminal's master.</param>
/// <param name="Stdin">conmon -i: a pipe feeds the process's stdin from attached clients.</param>
/// <param name="ExitCommandArguments">Global arguments, then <c>container cleanup ID</c>.</param>
/// <param name="RestorePath">
/// conmon --restore: run <c>runtime restore</c> from these checkpoint images instead of create.
/// </param>
/// <param name="RuntimeOptions">conmon --runtime-opt: verb options, e.g. <c>--tcp-established</c>.</param>
/// <param name="CgroupPath">cgroupfs path conmon is moved into before it runs the runtime, or null.</param>
/// <param name="Preserved">Descriptors of this process passed into the container, or null.</param>
public sealed record ConmonRequest(
    string ConmonPath,
    string ContainerId,
    string Name,
    string RuntimeExecutable,
    IReadOnlyList<string> RuntimeArguments,
    string BundlePath,
    string PidFile,
    string ConmonPidFile,
    string ExitDirectory,
    string PersistDirectory,
    string SocketDirectory,
    string LogDriver,
    string LogPath,
    long LogSizeMax,
    string LogLevel,
    string ExitCommand,
    IReadOnlyList<string> ExitCommandArguments,
    IReadOnlyDictionary<string, string> Environment,
    bool Terminal = false,
    bool Stdin = false,
    string? RestorePath = null,
    IReadOnlyList<string>? RuntimeOptions = null,
    string? CgroupPath = null,
    uint Timeout = 0,
    FdPassthrough? Preserved = null);
