namespace Modular.TestImages;

/// <summary>Which manifest media types a push or an archive uses.</summary>
public enum ManifestFormat
{
    DockerSchema2,
    Oci,
}
