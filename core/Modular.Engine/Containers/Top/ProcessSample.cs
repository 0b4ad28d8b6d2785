namespace Modular.Engine.Containers.Top;

/// <summary>
/// One process of a container as read from the host's /proc: host ids, and the ids the
/// container sees (its pid namespace's), which <c>top</c> shows.
/// </summary>
public sealed record ProcessSample
{
    public required int HostPid { get; init; }
    public required int HostParentPid { get; init; }
    public required int HostGroupId { get; init; }

    /// <summary>The pid inside the container's pid namespace (last NSpid field).</summary>
    public required int Pid { get; init; }

    public required string RealUid { get; init; }
    public required string EffectiveUid { get; init; }
    public required string RealGid { get; init; }
    public required string EffectiveGid { get; init; }
    public required string Comm { get; init; }

    /// <summary>The command line's NUL-separated pieces; one empty piece for a zombie.</summary>
    public required IReadOnlyList<string> Args { get; init; }

    public required string State { get; init; }
    public required string Nice { get; init; }
    public required long TtyNumber { get; init; }
    public required long CpuTicks { get; init; }
    public required long StartTicks { get; init; }
    public required long VirtualBytes { get; init; }
    public required long ResidentPages { get; init; }

    /// <summary>/proc/PID/status as key and value, for the capability and seccomp columns.</summary>
    public IReadOnlyDictionary<string, string> Status { get; init; } = new Dictionary<string, string>();

    /// <summary>The security label, or null where the host has no labelling.</summary>
    public string? Label { get; init; }
}
