namespace Modular.Engine.Maintenance;

/// <summary>Podman's SystemDfReport; <paramref name="ImagesSize"/> counts each image once.</summary>
public sealed record SystemDfReport(
    long ImagesSize,
    IReadOnlyList<SystemDfImage> Images,
    IReadOnlyList<SystemDfContainer> Containers,
    IReadOnlyList<SystemDfVolume> Volumes);
