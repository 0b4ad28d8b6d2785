namespace Modular.Engine.Build;

/// <summary>
/// What Podman 5 reports of its builder: <c>info</c>'s Host.BuildahVersion, <c>buildx
/// version</c> and the <c>io.buildah.version</c> label every built image carries. Modular's
/// builder is its own, so the version names the Buildah release whose build behaviour it
/// follows (Podman 5.4's) with a "-modular" suffix: tools that parse the label still see a
/// Buildah-style version, and nobody mistakes the image for one Buildah built.
/// </summary>
public static class BuilderIdentity
{
    /// <summary>The label Buildah puts on every image it builds.</summary>
    public const string Label = "io.buildah.version";

    public const string Version = "1.39.0-modular";
}
