namespace Modular.Engine.State;

/// <summary>
/// One user mount of a container (<c>-v</c>, <c>--mount</c>, <c>--tmpfs</c>, an image
/// VOLUME or <c>--volumes-from</c>), fixed at create. <see cref="Options"/> are the options
/// as the user gave them, validated; the runtime's options are derived from them when the
/// spec is written, so inspect can show both as Podman does.
/// </summary>
public sealed record ContainerMount
{
    public const string BindType = "bind";
    public const string VolumeType = "volume";
    public const string TmpfsType = "tmpfs";

    /// <summary><see cref="BindType"/>, <see cref="VolumeType"/> or <see cref="TmpfsType"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The host path (bind), the volume name (volume; empty until an anonymous one is made) or "tmpfs".</summary>
    public string Source { get; init; } = "";

    /// <summary>Absolute, cleaned path inside the container.</summary>
    public required string Destination { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The volume's directory on the host, set when the volume is known.</summary>
    public string? HostPath { get; init; }

    /// <summary>An anonymous volume, removed with the container by <c>rm -v</c> and <c>--rm</c>.</summary>
    public bool Anonymous { get; init; }
}
