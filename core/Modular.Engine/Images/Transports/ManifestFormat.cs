namespace Modular.Engine.Images.Transports;

/// <summary>The manifest type an export writes (<c>--format</c> of push).</summary>
public enum ManifestFormat
{
    /// <summary>What the destination prefers: OCI for oci/oci-archive, the image's own for dir.</summary>
    Default,

    /// <summary><c>oci</c>: application/vnd.oci.image.manifest.v1+json.</summary>
    Oci,

    /// <summary><c>v2s2</c> or <c>docker</c>: application/vnd.docker.distribution.manifest.v2+json.</summary>
    DockerV2Schema2,

    /// <summary>
    /// <c>v2s1</c>: a libtrust-signed Docker schema 1 manifest; only <c>dir:</c> and
    /// registries take it, as containers/image's other destinations refuse it.
    /// </summary>
    DockerV2Schema1,
}
