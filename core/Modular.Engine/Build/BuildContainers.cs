namespace Modular.Engine.Build;

/// <summary>
/// The label on a RUN step's container. Podman's build containers are buildah's and
/// <c>ps</c> lists them only with <c>--external</c>; the label lets <c>ps</c> do the same.
/// </summary>
public static class BuildContainers
{
    public const string Label = "io.modular.build-container";
}
