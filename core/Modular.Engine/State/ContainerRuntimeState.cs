using Modular.Contracts.Network;

namespace Modular.Engine.State;

/// <summary>
/// What a container is doing now; changes with every lifecycle step. Status uses
/// Podman's words: configured, created, running, paused, stopped, exited, removing.
/// </summary>
public sealed record ContainerRuntimeState
{
    public string Status { get; init; } = ContainerStatus.Configured;
    public int Pid { get; init; }
    public int ConmonPid { get; init; }

    /// <summary>conmon's start time from /proc/PID/stat, so a reused pid is not mistaken for it.</summary>
    public long ConmonStartTicks { get; init; }

    public int? ExitCode { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Where the rootfs is mounted now, or null.</summary>
    public string? MountPoint { get; init; }

    public string Error { get; init; } = "";

    /// <summary>The namespace the engine made for a bridge-mode container, while it runs.</summary>
    public string? NetworkNamespacePath { get; init; }

    /// <summary>What the backend gave the container, per network name, while it runs.</summary>
    public IReadOnlyDictionary<string, NetworkStatus>? Networks { get; init; }
    public bool OomKilled { get; init; }

    /// <summary>Restarts done by the restart policy since the user last started it.</summary>
    public int RestartCount { get; init; }

    /// <summary>Set by <c>stop</c> (not <c>kill</c>): the restart policy leaves it exited.</summary>
    public bool StoppedByUser { get; init; }

    /// <summary>Mounts taken by <c>modpod mount</c> and not yet given back by <c>unmount</c>.</summary>
    public int UserMounts { get; init; }

    /// <summary>Where <c>modpod mount</c> mounted the rootfs, while <see cref="UserMounts"/> &gt; 0.</summary>
    public string? UserMountPoint { get; init; }

    /// <summary>The healthcheck timer process of this run, or 0; killed by PID when the run ends.</summary>
    public int HealthTimerPid { get; init; }

    /// <summary>The timer's start time from /proc/PID/stat, so a reused pid is never signalled.</summary>
    public long HealthTimerStartTicks { get; init; }

    /// <summary>The last checkpoint or restore, or null when there was none.</summary>
    public CheckpointState? Checkpoint { get; init; }
}
