namespace Modular.Engine.Containers;

/// <summary>What <c>ps --size</c> shows: the read-write layer and the whole root filesystem.</summary>
/// <param name="RootFsSize">The image's size plus <paramref name="RwSize"/> ("virtual").</param>
/// <param name="RwSize">Bytes of regular files written to the container's own layer.</param>
public sealed record ContainerSize(long RootFsSize, long RwSize);
