namespace Modular.Engine.Containers;

/// <summary>
/// Where one container's files live. Runtime files (bundle, pid files, attach socket, exit
/// file) are under runroot, which a reboot wipes; the log is under graphroot and survives.
/// </summary>
public sealed record ContainerPaths(string GraphRoot, string RunRoot, string Id)
{
    public string RunDirectory => Path.Combine(RunRoot, "containers", Id);
    public string Bundle => Path.Combine(RunDirectory, "userdata");
    public string ConfigJson => Path.Combine(Bundle, "config.json");
    public string PidFile => Path.Combine(Bundle, "pidfile");
    public string ConmonPidFile => Path.Combine(Bundle, "conmon.pid");
    public string Persist => Path.Combine(Bundle, "persist");

    /// <summary>conmon writes this file when the kernel's OOM killer hit the container's cgroup.</summary>
    public string OomFile => Path.Combine(Persist, "oom");
    public string ExitDirectory => Path.Combine(RunRoot, "exits");
    public string ExitFile => Path.Combine(ExitDirectory, Id);
    public string SocketDirectory => Path.Combine(RunRoot, "s");
    public string StaticDirectory => Path.Combine(GraphRoot, "containers", Id);
    public string LogPath => Path.Combine(StaticDirectory, "ctr.log");
    public string RuntimeStateRoot(string runtime) => Path.Combine(RunRoot, "runtime", runtime);
}
