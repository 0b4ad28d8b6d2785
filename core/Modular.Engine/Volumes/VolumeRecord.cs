using System.Text.Json.Serialization;

namespace Modular.Engine.Volumes;

/// <summary>A volume as stored: Podman's inspect fields plus the containers that mount it now.</summary>
public sealed record VolumeRecord
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "local";
    public required DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>-o</c> options: type, device, o (and anything else the user gave).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public bool Anonymous { get; init; }

    /// <summary>True until the first container mounting it has copied its image content in.</summary>
    public bool NeedsCopyUp { get; init; } = true;

    /// <summary>True until the first container mounting it has given it the ownership of its mount point.</summary>
    public bool NeedsChown { get; init; } = true;

    public int LockNumber { get; init; }

    /// <summary>Containers that have it mounted now; the device of an -o volume is mounted while any do.</summary>
    public IReadOnlyList<string> MountedBy { get; init; } = [];

    /// <summary>Whether the volume mounts a device or tmpfs of its own (Podman's local driver with options).</summary>
    [JsonIgnore]
    public bool HasMountOptions => Options.ContainsKey("type") || Options.ContainsKey("device") || Options.ContainsKey("o");
}
