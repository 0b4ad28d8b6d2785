namespace Modular.Engine.State;

/// <summary>Podman's container status words.</summary>
public static class ContainerStatus
{
    public const string Configured = "configured";
    public const string Created = "created";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Stopped = "stopped";
    public const string Exited = "exited";
    public const string Removing = "removing";

    /// <summary>Between the stop signal and the exit: still live, shown as such by inspect.</summary>
    public const string Stopping = "stopping";
}
