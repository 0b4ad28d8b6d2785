namespace Modular.Engine.Images.Transports;

/// <summary>The transport names as containers/image registers them.</summary>
public static class TransportNames
{
    public const string Docker = "docker";
    public const string DockerArchive = "docker-archive";
    public const string OciArchive = "oci-archive";
    public const string OciLayout = "oci";
    public const string Directory = "dir";
    public const string ContainersStorage = "containers-storage";

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Of(TransportKind kind) => kind switch
    {
        TransportKind.Docker => Docker,
        TransportKind.DockerArchive => DockerArchive,
        TransportKind.OciArchive => OciArchive,
        TransportKind.OciLayout => OciLayout,
        TransportKind.Directory => Directory,
        TransportKind.ContainersStorage => ContainersStorage,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind named <paramref name="name"/>, or null when no transport has that name.</summary>
    public static TransportKind? Find(string name) => name switch
    {
        Docker => TransportKind.Docker,
        DockerArchive => TransportKind.DockerArchive,
        OciArchive => TransportKind.OciArchive,
        OciLayout => TransportKind.OciLayout,
        Directory => TransportKind.Directory,
        ContainersStorage => TransportKind.ContainersStorage,
        _ => null,
    };
}
