namespace Modular.Engine.Maintenance;

/// <summary>One name of an image (an untagged image is one "&lt;none&gt;" entry), as Podman lists them.</summary>
public sealed record SystemDfImage(
    string Repository,
    string Tag,
    string ImageID,
    DateTimeOffset Created,
    long Size,
    long SharedSize,
    long UniqueSize,
    int Containers);
