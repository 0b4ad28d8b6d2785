namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// Podman's annotation keys on a checkpoint image (libpod/define/annotations.go): what the
/// image holds and where it was made. <c>restore IMAGE</c> takes an image as a checkpoint
/// only when it carries <see cref="RuntimeName"/>.
/// </summary>
public static class CheckpointImageAnnotations
{
    public const string Name = "io.podman.annotations.checkpoint.name";
    public const string RawImageName = "io.podman.annotations.checkpoint.rawImageName";
    public const string RootfsImageId = "io.podman.annotations.checkpoint.rootfsImageID";
    public const string RootfsImageName = "io.podman.annotations.checkpoint.rootfsImageName";
    public const string PodmanVersion = "io.podman.annotations.checkpoint.podman.version";
    public const string CriuVersion = "io.podman.annotations.checkpoint.criu.version";
    public const string RuntimeName = "io.podman.annotations.checkpoint.runtime.name";
    public const string HostArch = "io.podman.annotations.checkpoint.host.arch";
    public const string HostKernel = "io.podman.annotations.checkpoint.host.kernel";
}
