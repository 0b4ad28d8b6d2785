using Modular.Engine.State;

namespace Modular.Engine.Pods;

/// <summary>Podman's pod status words, computed from the statuses of the pod's containers.</summary>
public static class PodStates
{
    public const string Created = "Created";
    public const string Running = "Running";
    public const string Degraded = "Degraded";
    public const string Paused = "Paused";
    public const string Stopped = "Stopped";
    public const string Exited = "Exited";
    public const string Error = "Error";

    /// <summary>
    /// All running is Running and some running (or paused) Degraded; all paused, all created or all
    /// stopped say so; any other mix of finished containers is Exited.
    /// </summary>
    public static string From(IReadOnlyCollection<string> containerStatuses)
    {
        var total = containerStatuses.Count;
        int Count(params string[] words) => containerStatuses.Count(words.Contains);
        var running = Count(ContainerStatus.Running);
        return total switch
        {
            0 => Created,
            _ when running == total => Running,
            _ when running > 0 => Degraded,
            _ when Count(ContainerStatus.Paused) == total => Paused,

            // Some paused and the rest finished: Podman calls any such mix Degraded.
            _ when Count(ContainerStatus.Paused) > 0 => Degraded,
            _ when Count(ContainerStatus.Created, ContainerStatus.Configured) == total => Created,
            _ when Count(ContainerStatus.Stopped) == total => Stopped,
            _ when Count(ContainerStatus.Exited, ContainerStatus.Stopped,
                ContainerStatus.Created, ContainerStatus.Configured) == total => Exited,
            _ => Error,
        };
    }
}
