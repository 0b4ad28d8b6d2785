namespace Modular.Engine.Images.Transports;

/// <summary>The image transports Podman accepts as <c>NAME:</c> prefixes.</summary>
public enum TransportKind
{
    /// <summary><c>docker://REF</c>: a registry.</summary>
    Docker,

    /// <summary><c>docker-archive:PATH[:REF]</c>: a tar as <c>docker save</c> writes it.</summary>
    DockerArchive,

    /// <summary><c>oci-archive:PATH[:REF]</c>: a tar of an OCI layout.</summary>
    OciArchive,

    /// <summary><c>oci:DIR[:REF]</c>: an OCI image layout directory.</summary>
    OciLayout,

    /// <summary><c>dir:DIR</c>: manifest, config and blobs as files named by digest.</summary>
    Directory,

    /// <summary><c>containers-storage:REF</c>: the local store itself.</summary>
    ContainersStorage,
}
